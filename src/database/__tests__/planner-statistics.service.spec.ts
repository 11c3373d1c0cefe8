import { tablesToAnalyze } from '../planner-statistics.service';

describe('tablesToAnalyze', () => {
  it('picks tables never analysed once they hold 1,000 rows, and tables that doubled since', () => {
    expect(
      tablesToAnalyze([
        { table: 'messages', liveRows: 1_000, changedSinceAnalyze: 1_000 },
        { table: 'wabas', liveRows: 999, changedSinceAnalyze: 999 },
        { table: 'raw_events', liveRows: 400_000, changedSinceAnalyze: 200_000 },
        { table: 'charge_rollups', liveRows: 400_000, changedSinceAnalyze: 199_999 },
      ]),
    ).toEqual(['messages', 'raw_events']);
  });

  it('counts updates as changes: a table whose rows were each rewritten once is analysed', () => {
    expect(
      tablesToAnalyze([{ table: 'raw_events', liveRows: 5_000, changedSinceAnalyze: 2_500 }]),
    ).toEqual(['raw_events']);
    expect(
      tablesToAnalyze([{ table: 'raw_events', liveRows: 5_000, changedSinceAnalyze: 2_499 }]),
    ).toEqual([]);
  });
});
