import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { PlannerStatistics } from '../../src/database/planner-statistics.service';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';

describeEachDatabase('planner statistics', (kind) => {
  let testApp: TestApp;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    dataSource = testApp.app.get(DataSource);
  });
  afterAll(async () => {
    await testApp.close();
  });

  /** Inserts raw events on one connection and waits until the server's statistics count them. */
  async function insertRawEvents(from: number, count: number): Promise<void> {
    const runner = dataSource.createQueryRunner();
    try {
      await runner.query(
        `INSERT INTO raw_events (received_at, source, body_sha256, body)
         SELECT 0, 'import', md5(n::text), '{}' FROM generate_series(${from}, ${from + count - 1}) AS n`,
      );
      await runner.query('SELECT pg_stat_force_next_flush()');
    } finally {
      await runner.release();
    }
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const [row] = (await dataSource.query(
        `SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'raw_events'`,
      )) as { n_live_tup: string }[];
      if (Number(row.n_live_tup) >= from + count - 1) return;
      await delay(100);
    }
    throw new Error('the server never counted the inserted rows');
  }

  async function lastAnalysed(table: string): Promise<string | null> {
    const [row] = (await dataSource.query(
      `SELECT last_analyze::text AS at FROM pg_stat_user_tables WHERE relname = $1`,
      [table],
    )) as { at: string | null }[];
    return row.at;
  }

  if (kind === 'sqlite') {
    it('leaves SQLite alone (its planner needs no statistics)', async () => {
      await testApp.app.get(PlannerStatistics).refresh({ now: true });
      const stats = (await dataSource.query(
        `SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'`,
      )) as unknown[];
      expect(stats).toEqual([]);
    });
    return;
  }

  it('analyses a table once it holds 1,000 rows never analysed, again only once it doubled', async () => {
    const statistics = testApp.app.get(PlannerStatistics);
    await insertRawEvents(1, 1_500);
    await statistics.refresh({ now: true });
    const first = await lastAnalysed('raw_events');
    expect(first).not.toBeNull();
    expect(await lastAnalysed('wabas')).toBeNull();

    await insertRawEvents(1_501, 1_000);
    await statistics.refresh({ now: true });
    expect(await lastAnalysed('raw_events')).toBe(first);

    await insertRawEvents(2_501, 600);
    // Within a few seconds of the last check, a writer's refresh does not look again.
    await statistics.refresh();
    expect(await lastAnalysed('raw_events')).toBe(first);
    await statistics.refresh({ now: true });
    expect(await lastAnalysed('raw_events')).not.toBe(first);
  });
});
