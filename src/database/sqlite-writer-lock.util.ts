import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Thrown when another process already writes to the SQLite database. */
export class SqliteInUseError extends Error {}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export function acquireSqliteWriterLock(path: string): string {
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      const owner: LockOwner = {
        pid: process.pid,
        host: hostname(),
        since: new Date().toISOString(),
      };
      writeSync(fd, JSON.stringify(owner));
      closeSync(fd);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(path);
    if (owner !== null && owner.pid !== process.pid && alive(owner)) {
      throw new SqliteInUseError(
        `the SQLite database ${path.replace(/\.writer\.lock$/, '')} is in use by process ${owner.pid} on ${owner.host} (since ${owner.since}); SQLite takes one writing process at a time: stop it first, or run several processes on PostgreSQL (DATABASE_URL)`,
      );
    }
    // Our own (a second app in this process) or left behind by a process that is gone.
    if (owner !== null && owner.pid === process.pid) return path;
    rmSync(path, { force: true });
  }
  throw new SqliteInUseError(`could not take the SQLite writer lock ${path}`);
}

export function releaseSqliteWriterLock(path: string): void {
  const owner = readOwner(path);
  if (owner !== null && owner.pid === process.pid && owner.host === hostname()) {
    rmSync(path, { force: true });
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** Whether the lock's process still runs (a process on another host is taken to). */
function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
