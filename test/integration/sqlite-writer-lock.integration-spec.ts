import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acquireSqliteWriterLock,
  releaseSqliteWriterLock,
  SqliteInUseError,
  takeOverStaleLock,
} from '../../src/database/sqlite-writer-lock.util';
import type { AppConfig } from '../../src/config/app-config';
import { SqliteWriterLock } from '../../src/database/sqlite-writer-lock.service';
import { ensureBuild, ROOT } from '../utils/service-process.util';

/** A process id that no process has: the process ran and ended. */
function endedProcessId(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

/** SQLite takes one writing process: a second is refused with the holder's process id. */
describe('SQLite writer lock', () => {
  let dir: string;
  let lock: string;
  let database: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'writer-lock-'));
    database = join(dir, 'billing.sqlite');
    lock = `${database}.writer.lock`;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function writeOwner(path: string, pid: number, since = '2026-12-05T10:00:00.000Z'): void {
    writeFileSync(path, JSON.stringify({ pid, host: hostname(), since }));
  }
  const lockOwner = () => (JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid;
  const inUseBy = (pid: number) =>
    `the SQLite database ${database} is in use by process ${pid} on ${hostname()} (since 2026-12-05T10:00:00.000Z); SQLite takes one writing process at a time: stop it first, or run several processes on PostgreSQL (DATABASE_URL)`;

  it('creates the data directory of a first start before taking the lock in it', () => {
    const fresh = join(dir, 'not-created-yet', 'billing.sqlite');
    const writerLock = new SqliteWriterLock({
      databaseKind: 'sqlite',
      writesDatabase: true,
      sqliteFile: fresh,
    } as AppConfig);
    writerLock.acquire();
    expect((JSON.parse(readFileSync(`${fresh}.writer.lock`, 'utf8')) as { pid: number }).pid).toBe(
      process.pid,
    );
    writerLock.onApplicationShutdown();
    expect(readdirSync(join(dir, 'not-created-yet'))).toEqual([]);
  });

  it('refuses a second writer while the first process runs, naming it', () => {
    // The parent of the test process stands for a server that holds the database.
    writeOwner(lock, process.ppid);
    expect(() => acquireSqliteWriterLock(lock)).toThrow(SqliteInUseError);
    expect(() => acquireSqliteWriterLock(lock)).toThrow(inUseBy(process.ppid));
  });

  it('takes over the lock of a process that is gone, and releases its own', () => {
    writeOwner(lock, endedProcessId());
    expect(acquireSqliteWriterLock(lock)).toBe(lock);
    expect(lockOwner()).toBe(process.pid);
    expect(readdirSync(dir)).toEqual(['billing.sqlite.writer.lock']);
    releaseSqliteWriterLock(lock);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a starter that found the lock stale leaves alone the lock another starter took meanwhile', () => {
    // Both found the holder gone; the other took the lock over first, as the parent process.
    writeOwner(lock, process.ppid);
    expect(() => takeOverStaleLock(lock)).toThrow(inUseBy(process.ppid));
    expect(lockOwner()).toBe(process.ppid);
  });

  it("waits for another starter's take-over, then is refused naming the process that took the lock", () => {
    writeOwner(lock, endedProcessId());
    writeOwner(`${lock}.takeover`, process.ppid);
    // The other starter (the parent process) ends its take-over a moment later.
    const other = spawn(process.execPath, [
      '-e',
      `setTimeout(() => {
        const fs = require('node:fs');
        fs.writeFileSync(${JSON.stringify(lock)}, ${JSON.stringify(
          JSON.stringify({
            pid: process.ppid,
            host: hostname(),
            since: '2026-12-05T10:00:00.000Z',
          }),
        )});
        fs.rmSync(${JSON.stringify(`${lock}.takeover`)});
      }, 300)`,
    ]);
    try {
      expect(() => acquireSqliteWriterLock(lock)).toThrow(inUseBy(process.ppid));
    } finally {
      other.kill();
    }
    expect(lockOwner()).toBe(process.ppid);
  });

  it('refuses while a take-over interrupted by the end of its process is left, naming the file to remove', () => {
    const gone = endedProcessId();
    writeOwner(lock, endedProcessId());
    writeOwner(`${lock}.takeover`, gone);
    expect(() => acquireSqliteWriterLock(lock)).toThrow(
      `a take-over of the SQLite writer lock ${lock} by process ${gone} was interrupted: once no process uses ${database}, remove ${lock}.takeover`,
    );
  });

  describe('processes starting at once on a lock left by a process that is gone', () => {
    beforeAll(() => ensureBuild(), 300_000);

    it('let exactly one of them take it', async () => {
      writeOwner(lock, endedProcessId());
      const util = join(ROOT, 'dist', 'src', 'database', 'sqlite-writer-lock.util.js');
      // Each prints whether it took the lock; a winner holds it until its stdin closes.
      const script = `
        const { acquireSqliteWriterLock } = require(${JSON.stringify(util)});
        try {
          acquireSqliteWriterLock(${JSON.stringify(lock)});
          process.stdout.write('took\\n');
          process.stdin.resume();
          process.stdin.on('end', () => process.exit(0));
        } catch (error) {
          process.stdout.write('refused: ' + error.message + '\\n');
        }`;
      const starters = Array.from({ length: 8 }, () =>
        spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }),
      );
      const exited = starters.map((child) => new Promise((resolve) => child.once('exit', resolve)));
      const answers = await Promise.all(
        starters.map(
          (child) =>
            new Promise<string>((resolve) => {
              let output = '';
              child.stdout.on('data', (chunk: Buffer) => {
                output += chunk.toString('utf8');
                if (output.endsWith('\n')) resolve(output.trim());
              });
            }),
        ),
      );
      for (const child of starters) child.stdin.end();
      await Promise.all(exited);
      const winners = answers.filter((answer) => answer === 'took');
      expect(winners).toHaveLength(1);
      const winner = starters[answers.indexOf('took')].pid!;
      for (const answer of answers.filter((answer) => answer !== 'took')) {
        expect(answer).toMatch(
          new RegExp(`^refused: the SQLite database .* is in use by process ${winner} on `),
        );
      }
    }, 60_000);
  });
});
