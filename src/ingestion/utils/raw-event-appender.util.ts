import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  insertManyPostgres,
  type ColumnKind,
  type PostgresQueryRunner,
} from '../../database/sql-dialect';
import type { SqliteWorkerData } from '../../database/sqlite-worker.util';

export type RawEventSource = 'webhook' | 'import';

export interface RawEventAppend {
  bodies: string[];
  source: RawEventSource;
  receivedAt: number;
  processed: boolean;
}

/** Bodies the webhook queue has applied. */
export interface RawEventsProcessed {
  processedIds: number[];
  processedAt: number;
}

/** How the raw event log's thread shows in PostgreSQL's pg_stat_activity. */
export const RAW_EVENT_LOG_APPLICATION_NAME = 'billing raw event log';

/** What the raw event log's thread opens: the SQLite file, or a PostgreSQL database. */
export type RawEventLogWorkerData = SqliteWorkerData | { postgresUrl: string };

export function sha256(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}

/**
 * Appends bodies to the raw event log of a SQLite database, and marks bodies processed, each
 * request in one transaction: on the raw event log's writer thread, or on the main connection
 * when no thread can open the database.
 */
export class SqliteRawEventAppender {
  private readonly appendAll: Database.Transaction<
    (request: RawEventAppend, shas: string[]) => Uint8Array
  >;
  private readonly markAll: Database.Transaction<(request: RawEventsProcessed) => void>;

  constructor(database: Database.Database) {
    const mark = database.prepare(`UPDATE raw_events SET processed_at = ? WHERE id = ?`);
    this.markAll = database.transaction((request: RawEventsProcessed) => {
      for (const id of request.processedIds) mark.run(request.processedAt, id);
    });
    const insert = database.prepare(
      `INSERT OR IGNORE INTO raw_events (received_at, source, body_sha256, body, processed_at)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.appendAll = database.transaction((request: RawEventAppend, shas: string[]) => {
      const fresh = new Uint8Array(request.bodies.length);
      const processedAt = request.processed ? request.receivedAt : null;
      for (const [index, body] of request.bodies.entries()) {
        fresh[index] = insert.run(
          request.receivedAt,
          request.source,
          shas[index],
          body,
          processedAt,
        ).changes;
      }
      return fresh;
    });
  }

  markProcessed(request: RawEventsProcessed): void {
    this.markAll.immediate(request);
  }

  /** Per body, 1 when it was logged now, 0 when the same body was logged before. */
  append(request: RawEventAppend): Uint8Array {
    // Hashed before the write lock is taken.
    return this.appendAll.immediate(request, request.bodies.map(sha256));
  }
}

const RAW_EVENT_COLUMNS: { name: string; kind: ColumnKind }[] = [
  { name: 'received_at', kind: 'bigint' },
  { name: 'source', kind: 'text' },
  { name: 'body_sha256', kind: 'text' },
  { name: 'body', kind: 'text' },
  { name: 'processed_at', kind: 'bigint' },
];

/**
 * Appends bodies to the raw event log of a PostgreSQL database through `runner` (the raw event
 * log's thread's own client, or the main connection).
 */
export class PostgresRawEventAppender {
  constructor(private readonly runner: PostgresQueryRunner) {}

  /** Per body, 1 when it was logged now, 0 when the same body was logged before. */
  async append(request: RawEventAppend): Promise<Uint8Array> {
    const shas = request.bodies.map(sha256);
    const unique = new Map<string, string>();
    for (const [index, sha] of shas.entries()) unique.set(sha, request.bodies[index]);
    const processedAt = request.processed ? request.receivedAt : null;
    const inserted = await insertManyPostgres(
      this.runner,
      'raw_events',
      RAW_EVENT_COLUMNS,
      [...unique].map(([sha, body]) => [
        request.receivedAt,
        request.source,
        sha,
        body,
        processedAt,
      ]),
      { returning: 'body_sha256', conflictTarget: ['body_sha256'] },
    );
    const fresh = new Set(inserted as string[]);
    return Uint8Array.from(shas, (sha) => (fresh.delete(sha) ? 1 : 0));
  }
}
