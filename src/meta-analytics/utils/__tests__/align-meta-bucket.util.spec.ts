import { alignMetaBucket } from '../align-meta-bucket.util';

const at = (iso: string) => Date.parse(iso) / 1000;

describe(alignMetaBucket.name, () => {
  it("is aligned when Meta's bucket is the WABA's local day", () => {
    expect(
      alignMetaBucket(
        at('2025-06-01T07:00:00Z'),
        at('2025-06-02T07:00:00Z'),
        'America/Los_Angeles',
      ),
    ).toEqual({ day: '2025-06-01', aligned: true });
    expect(alignMetaBucket(at('2026-03-05T00:00:00Z'), at('2026-03-06T00:00:00Z'), 'UTC')).toEqual({
      day: '2026-03-05',
      aligned: true,
    });
  });

  it('places a bucket of another timezone on the local day holding its middle, not aligned', () => {
    // Meta's documented example: days from 07:00 UTC; a São Paulo WABA (UTC−3).
    expect(
      alignMetaBucket(at('2025-06-01T07:00:00Z'), at('2025-06-02T07:00:00Z'), 'America/Sao_Paulo'),
    ).toEqual({ day: '2025-06-01', aligned: false });
    // A UTC bucket for a Tokyo WABA (UTC+9): its middle, 12:00 UTC, is 21:00 in Tokyo.
    expect(
      alignMetaBucket(at('2026-03-31T00:00:00Z'), at('2026-04-01T00:00:00Z'), 'Asia/Tokyo'),
    ).toEqual({ day: '2026-03-31', aligned: false });
  });

  it('accepts a 23-hour local day across a daylight-saving change', () => {
    expect(
      alignMetaBucket(
        at('2026-03-08T08:00:00Z'),
        at('2026-03-09T07:00:00Z'),
        'America/Los_Angeles',
      ),
    ).toEqual({ day: '2026-03-08', aligned: true });
  });
});
