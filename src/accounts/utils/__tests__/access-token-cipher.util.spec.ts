import { randomBytes } from 'node:crypto';
import { decryptAccessToken } from '../decrypt-access-token.util';
import { encryptAccessToken } from '../encrypt-access-token.util';

describe('access token encryption (AES-256-GCM)', () => {
  const key = randomBytes(32);

  it('decrypts what it encrypted, with a fresh IV each time, never holding the token in clear', () => {
    const first = encryptAccessToken(key, 'waba-1', 'EAAJB-secret');
    const second = encryptAccessToken(key, 'waba-1', 'EAAJB-secret');
    expect(first).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('secret');
    expect(decryptAccessToken(key, 'waba-1', first)).toBe('EAAJB-secret');
    expect(decryptAccessToken(key, 'waba-1', second)).toBe('EAAJB-secret');
  });

  it('refuses another key, another WABA and an altered ciphertext, without naming the token', () => {
    const stored = encryptAccessToken(key, 'waba-1', 'EAAJB-secret');
    const message =
      'the stored access token of WABA waba-1 does not decrypt with TOKEN_ENCRYPTION_KEY (another key, or altered)';
    expect(() => decryptAccessToken(randomBytes(32), 'waba-1', stored)).toThrow(message);
    expect(() => decryptAccessToken(key, 'waba-2', stored)).toThrow(
      'the stored access token of WABA waba-2 does not decrypt',
    );
    const parts = stored.split(':');
    const altered = Buffer.from(parts[3], 'base64');
    altered[0] ^= 1;
    parts[3] = altered.toString('base64');
    expect(() => decryptAccessToken(key, 'waba-1', parts.join(':'))).toThrow(message);
    expect(() => decryptAccessToken(key, 'waba-1', 'plain-token')).toThrow(
      'is not in the v1 format',
    );
  });
});
