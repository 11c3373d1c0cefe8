import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { childEnvironment, ensureBuild, ROOT, runCliProcess } from '../utils/service-process.util';
import { createTestApp, type TestApp } from '../utils/test-app.util';

const LAST_MIGRATION = 'MessagesMonthPageIndex1764200400000';
const LAST_MIGRATION_INDEX = 'idx_messages_waba_month_id';

/**
 * A service on a SQLite file, and a command that writes (`events list` opens the database as a
 * writer) or a server started beside it from another process: refused before it opens the file,
 * so it never migrates the database of the running service; it starts once the service has
 * stopped.
 */
describe('SQLite: a second writing process [SQLite]', () => {
  let first: TestApp;

  beforeAll(() => ensureBuild(), 300_000);
  beforeEach(async () => {
    first = await createTestApp('sqlite');
  });
  afterEach(() => first.close());

  async function lastMigrationApplied(dataSource: DataSource) {
    const rows = (await dataSource.query(`SELECT name FROM schema_migrations WHERE name = ?`, [
      LAST_MIGRATION,
    ])) as unknown[];
    const indexes = (await dataSource.query(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND name = ?`,
      [LAST_MIGRATION_INDEX],
    )) as unknown[];
    return { row: rows.length === 1, index: indexes.length === 1 };
  }

  it('is refused with the running process id and leaves the schema as it was; starts once the first has stopped', async () => {
    // The running service's database one migration behind the command's code.
    const dataSource = first.app.get(DataSource);
    await dataSource.undoLastMigration();
    expect(await lastMigrationApplied(dataSource)).toEqual({ row: false, index: false });
    const env = { DATA_DIR: first.config.dataDir, LOG_LEVEL: 'silent' };

    const refused = await runCliProcess('events', ['list'], env);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      `events: failed: the SQLite database ${first.config.sqliteFile} is in use by process ${process.pid} on `,
    );
    expect(refused.stdout).toBe('');
    expect(await lastMigrationApplied(dataSource)).toEqual({ row: false, index: false });

    await first.stop();
    const started = await runCliProcess('events', ['list'], env);
    expect(started).toMatchObject({ code: 0, stderr: '' });
    const reopened = await new DataSource({
      type: 'better-sqlite3',
      database: first.config.sqliteFile,
    }).initialize();
    try {
      expect(await lastMigrationApplied(reopened)).toEqual({ row: true, index: true });
    } finally {
      await reopened.destroy();
    }
  }, 120_000);

  it('refuses a server started beside it in two lines, the reason and where to see more', () => {
    const server = spawnSync(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], {
      cwd: ROOT,
      env: childEnvironment({ PORT: '0', DATA_DIR: first.config.dataDir, LOG_LEVEL: 'info' }),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(server.status).toBe(3);
    expect(server.stdout).toBe('');
    expect(server.stderr.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^start: failed: the SQLite database ${first.config.sqliteFile} is in use by process ${process.pid} on .*\\(DATABASE_URL\\)$`,
        ),
      ),
      '(LOG_LEVEL=debug shows where)',
      '',
    ]);
  }, 60_000);
});
