import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** Thrown when another process already writes to the SQLite database. */
export class SqliteInUseError extends Error {}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** How long a starter waits for another one's take-over of a stale lock to end. */
const TAKE_OVER_WAIT_MS = 2_000;
const TAKE_OVER_POLL_MS = 20;

/**
 * The lock file is created whole or not at all (written beside it, then hard-linked to its name,
 * which fails if it exists), so a reader never sees it half-written. A lock left by a process
 * that is gone is removed only under a second lock, the take-over file, after reading the owner
 * again: two starters that both found it stale cannot both remove it, nor remove the lock the
 * faster one has just taken.
 */
export function acquireSqliteWriterLock(path: string): string {
  const deadline = Date.now() + TAKE_OVER_WAIT_MS;
  for (;;) {
    if (createExclusively(path)) return path;
    const owner = readOwner(path);
    if (owner !== null && ownedHere(owner)) return path;
    if (owner !== null && alive(owner)) throw inUse(path, owner);
    const takeOver = `${path}.takeover`;
    if (createExclusively(takeOver)) {
      try {
        return takeOverStaleLock(path);
      } finally {
        rmSync(takeOver, { force: true });
      }
    }
    // Another starter is taking it over (or has just ended doing so: then it reads null).
    const takingOver = readOwner(takeOver);
    if (takingOver !== null && !alive(takingOver)) {
      throw new SqliteInUseError(
        `a take-over of the SQLite writer lock ${path} by process ${takingOver.pid} was interrupted: once no process uses ${databaseOf(path)}, remove ${takeOver}`,
      );
    }
    if (Date.now() > deadline) {
      throw new SqliteInUseError(
        `the SQLite writer lock ${path} is being taken over by process ${takingOver?.pid ?? '(unknown)'}; try again`,
      );
    }
    sleep(TAKE_OVER_POLL_MS);
  }
}

/**
 * With the take-over file held: the lock found stale is read again, since another starter may
 * have taken it over in the meantime, and removed only if its process is still gone.
 */
export function takeOverStaleLock(path: string): string {
  const owner = readOwner(path);
  if (owner !== null && alive(owner) && !ownedHere(owner)) throw inUse(path, owner);
  rmSync(path, { force: true });
  if (createExclusively(path)) return path;
  const winner = readOwner(path);
  if (winner !== null && ownedHere(winner)) return path;
  throw winner === null
    ? new SqliteInUseError(`could not take the SQLite writer lock ${path}`)
    : inUse(path, winner);
}

export function releaseSqliteWriterLock(path: string): void {
  const owner = readOwner(path);
  if (owner !== null && ownedHere(owner)) rmSync(path, { force: true });
}

/** Creates `path` holding this process as owner; false if it exists. */
function createExclusively(path: string): boolean {
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const written = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(written, JSON.stringify(owner));
  try {
    linkSync(written, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(written, { force: true });
  }
}

function inUse(path: string, owner: LockOwner): SqliteInUseError {
  return new SqliteInUseError(
    `the SQLite database ${databaseOf(path)} is in use by process ${owner.pid} on ${owner.host} (since ${owner.since}); SQLite takes one writing process at a time: stop it first, or run several processes on PostgreSQL (DATABASE_URL)`,
  );
}

function databaseOf(path: string): string {
  return path.replace(/\.writer\.lock$/, '');
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** This process (a second application in it, as tests run, shares its lock). */
function ownedHere(owner: LockOwner): boolean {
  return owner.pid === process.pid && owner.host === hostname();
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

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
