import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { RawEventLog } from '../../src/ingestion/services/raw-event-log.service';
import { RAW_EVENT_LOG_APPLICATION_NAME } from '../../src/ingestion/utils/raw-event-appender.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';

describeEachDatabase('raw event log', (kind) => {
  let testApp: TestApp;
  let log: RawEventLog;
  let dataSource: DataSource;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    log = testApp.app.get(RawEventLog);
    dataSource = testApp.app.get(DataSource);
  });
  afterAll(async () => {
    await testApp.close();
  });

  const stored = async (): Promise<string[]> =>
    ((await dataSource.query(`SELECT body FROM raw_events ORDER BY id`)) as { body: string }[]).map(
      (row) => row.body,
    );

  it('logs each body once: a repeat in the same call or a later one is not fresh', async () => {
    expect(await log.append(['{"a":1}', '{"b":2}', '{"a":1}'], 'import', true)).toEqual([
      true,
      true,
      false,
    ]);
    expect(await log.append(['{"b":2}', '{"c":3}'], 'webhook', false)).toEqual([false, true]);
    expect(await stored()).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  // On PostgreSQL only batches of 1,000 bodies or more go to the thread.
  const batch = (prefix: string) =>
    Array.from({ length: 1_000 }, (_, index) => `{"${prefix}":${index}}`);

  it('logs a large batch once, on the thread, and knows its bodies the next time', async () => {
    const bodies = batch('e');
    const fresh = await log.append([...bodies, bodies[0]], 'import', true);
    expect(fresh.filter(Boolean)).toHaveLength(1_000);
    expect(fresh[1_000]).toBe(false);
    expect(await log.append([bodies[999], '{"f":1}'], 'import', true)).toEqual([false, true]);
    expect((await stored()).slice(3)).toEqual([...bodies, '{"f":1}']);
  });

  if (kind === 'postgres') {
    it("connects its thread again after the server ended the thread's connection", async () => {
      await log.append(batch('h'), 'import', true);
      const terminated = (await dataSource.query(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
          WHERE application_name = $1 AND datname = current_database()`,
        [RAW_EVENT_LOG_APPLICATION_NAME],
      )) as { done: boolean }[];
      expect(terminated).toEqual([{ done: true }]);
      // The thread's client hears of it as an error event, and drops the connection.
      await delay(200);
      const bodies = batch('g');
      expect((await log.append(bodies, 'import', true)).every(Boolean)).toBe(true);
      expect((await stored()).slice(-1_000)).toEqual(bodies);
    });
  }
});
