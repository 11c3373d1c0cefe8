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

  if (kind === 'postgres') {
    it("connects its thread again after the server ended the thread's connection", async () => {
      const terminated = (await dataSource.query(
        `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
          WHERE application_name = $1 AND datname = current_database()`,
        [RAW_EVENT_LOG_APPLICATION_NAME],
      )) as { done: boolean }[];
      expect(terminated).toEqual([{ done: true }]);
      // The thread's client hears of it as an error event, and drops the connection.
      await delay(200);
      expect(await log.append(['{"d":4}'], 'webhook', false)).toEqual([true]);
      expect(await stored()).toEqual(['{"a":1}', '{"b":2}', '{"c":3}', '{"d":4}']);
    });
  }
});
