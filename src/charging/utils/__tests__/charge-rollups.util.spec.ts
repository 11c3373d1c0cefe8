import { netRollupDeltas, type RollupContribution } from '../charge-rollups.util';

function contribution(day: string, reason: string, micros: bigint): RollupContribution {
  return {
    key: ['waba-1', 'portfolio-1', 'phone-1', '2026-08', day, 'USD', reason],
    billable: micros > 0n,
    free: micros === 0n,
    micros,
  };
}

describe('netRollupDeltas', () => {
  it('nets what moved out against what moved in, per rollup row, in key order', () => {
    const deltas = netRollupDeltas(
      [contribution('2026-08-12', 'BILLED', 25_000n), contribution('2026-08-02', 'BILLED', 8_500n)],
      [
        contribution('2026-08-12', 'BILLED', 25_000n),
        contribution('2026-08-31', 'FREE_INBOUND', 0n),
        contribution('2026-08-02', 'FREE_WINDOW', 0n),
        contribution('2026-08-10', 'BILLED', 3_400n),
      ],
    );
    // The 12th is unchanged and left out; the rest come in key order, whatever the input order.
    expect(
      deltas.map((delta) => [delta.key[4], delta.key[6], delta.messages, delta.micros]),
    ).toEqual([
      ['2026-08-02', 'BILLED', -1n, -8_500n],
      ['2026-08-02', 'FREE_WINDOW', 1n, 0n],
      ['2026-08-10', 'BILLED', 1n, 3_400n],
      ['2026-08-31', 'FREE_INBOUND', 1n, 0n],
    ]);
  });
});
