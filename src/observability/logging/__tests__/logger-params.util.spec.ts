import { requestIdOf } from '../logger-params.util';

describe('requestIdOf', () => {
  it('keeps an incoming identifier of 1 to 128 safe characters', () => {
    expect(requestIdOf('req-42.abc')).toBe('req-42.abc');
    expect(requestIdOf('trace:1/2+3=4@lb_x')).toBe('trace:1/2+3=4@lb_x');
    expect(requestIdOf(['first-id', 'second-id'])).toBe('first-id');
    expect(requestIdOf('a'.repeat(128))).toBe('a'.repeat(128));
  });

  it('generates a UUID for a missing, empty, too long or unsafe one', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const given of [undefined, '', 'a'.repeat(129), 'has space', 'quote"d', 'new\nline']) {
      expect(requestIdOf(given)).toMatch(uuid);
    }
    expect(requestIdOf(undefined)).not.toBe(requestIdOf(undefined));
  });
});
