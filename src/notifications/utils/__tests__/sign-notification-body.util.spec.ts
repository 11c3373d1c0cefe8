import { signNotificationBody } from '../sign-notification-body.util';

describe(signNotificationBody.name, () => {
  it('is the hex HMAC-SHA256 of the exact body bytes (RFC 4231 test case 2)', () => {
    expect(signNotificationBody('what do ya want for nothing?', 'Jefe')).toBe(
      'sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('changes with one byte of the body', () => {
    expect(signNotificationBody('{"a":1}', 'secret-0123456789')).not.toBe(
      signNotificationBody('{"a":2}', 'secret-0123456789'),
    );
  });
});
