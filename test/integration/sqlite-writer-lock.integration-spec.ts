import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acquireSqliteWriterLock,
  releaseSqliteWriterLock,
  SqliteInUseError,
} from '../../src/database/sqlite-writer-lock.util';

/** SQLite takes one writing process: a second is refused with the holder's process id. */
describe('SQLite writer lock', () => {
  let dir: string;
  let lock: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'writer-lock-'));
    lock = join(dir, 'billing.sqlite.writer.lock');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second writer while the first process runs, naming it', () => {
    // The parent of the test process stands for a server that holds the database.
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-12-05T10:00:00.000Z' }),
    );
    expect(() => acquireSqliteWriterLock(lock)).toThrow(SqliteInUseError);
    expect(() => acquireSqliteWriterLock(lock)).toThrow(
      `the SQLite database ${join(dir, 'billing.sqlite')} is in use by process ${process.ppid} on ${hostname()} (since 2026-12-05T10:00:00.000Z); SQLite takes one writing process at a time: stop it first, or run several processes on PostgreSQL (DATABASE_URL)`,
    );
  });

  it('takes over the lock of a process that is gone, and releases its own', () => {
    writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: 'x' }));
    expect(acquireSqliteWriterLock(lock)).toBe(lock);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    releaseSqliteWriterLock(lock);
    expect(() => readFileSync(lock)).toThrow();
  });
});
