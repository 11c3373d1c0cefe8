import { DataSource } from 'typeorm';
import { SqlDialect } from '../../src/database/sql-dialect';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';

describeEachDatabase('SqlDialect.reserveIds', (kind) => {
  let testApp: TestApp;
  let sql: SqlDialect;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    sql = new SqlDialect(testApp.app.get(DataSource));
  });
  afterAll(async () => {
    await testApp.close();
  });

  const insertRawEvent = async (sha: string): Promise<number> => {
    await sql.query(
      `INSERT INTO raw_events (received_at, source, body_sha256, body) VALUES (0, 'import', ${sql.param(1)}, '{}')`,
      [sha],
    );
    const [row] = await sql.query<{ id: number | string }>(
      `SELECT id FROM raw_events WHERE body_sha256 = ${sql.param(1)}`,
      [sha],
    );
    return Number(row.id);
  };

  it('gives ids in ascending order, above the stored ones, that no later row takes', async () => {
    const stored = await insertRawEvent('a'.repeat(64));
    const first = await sql.reserveIds('raw_events', 3);
    const second = await sql.reserveIds('raw_events', 2_500);
    expect(first).toEqual([stored + 1, stored + 2, stored + 3]);
    expect(second).toHaveLength(2_500);
    expect(second[0]).toBe(stored + 4);
    expect(second.every((id, index) => index === 0 || id === second[index - 1] + 1)).toBe(true);
    expect(await insertRawEvent('b'.repeat(64))).toBe(stored + 2_504);
    expect(await sql.reserveIds('raw_events', 0)).toEqual([]);
  });
});
