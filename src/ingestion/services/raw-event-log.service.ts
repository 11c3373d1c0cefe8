import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SqlDialect } from '../../database/sql-dialect';
import { SqliteWriterThread } from '../../database/sqlite-writer-thread.util';
import {
  sha256,
  SqliteRawEventAppender,
  type RawEventAppend,
  type RawEventSource,
  type RawEventsProcessed,
} from '../utils/raw-event-appender.util';

/**
 * The raw event log: every webhook body (before its facts are applied) and every imported line,
 * stored once by its sha256. On a SQLite file a writer thread with its own connection hashes
 * and appends the bodies, so the main thread goes on answering requests and applying facts on
 * the other core meanwhile; on PostgreSQL the database server already does that work.
 */
@Injectable()
export class RawEventLog implements OnApplicationShutdown {
  private readonly sql: SqlDialect;
  private readonly writer: SqliteWriterThread<RawEventAppend | RawEventsProcessed, Uint8Array>;
  private mainThreadWriter: SqliteRawEventAppender | null = null;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.sql = new SqlDialect(dataSource);
    this.writer = new SqliteWriterThread(
      this.sql.sqliteDatabase() === null ? null : config.sqliteFile,
      {
        directory: join(__dirname, '..', 'workers'),
        name: 'raw-event-log.worker',
        description: "the raw event log's writer thread",
      },
    );
  }

  /**
   * Appends the bodies not logged before. Returns, per body, whether it was logged now: false
   * for a body logged before, or repeated earlier in `bodies`.
   */
  async append(
    bodies: readonly string[],
    source: RawEventSource,
    processed: boolean,
  ): Promise<boolean[]> {
    if (bodies.length === 0) return [];
    const request: RawEventAppend = {
      bodies: [...bodies],
      source,
      processed,
      receivedAt: Date.now(),
    };
    const sqlite = this.sql.sqliteDatabase();
    if (sqlite === null) return this.appendOnPostgres(request);
    const fresh = this.writer.available
      ? await this.writer.request(request)
      : this.mainThreadAppender(sqlite).append(request);
    return Array.from(fresh, (flag) => flag === 1);
  }

  /**
   * Marks bodies the queue has applied. On SQLite the writer thread does it, after what it was
   * given before: the main thread never waits for the file's write lock.
   */
  async markProcessed(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const request: RawEventsProcessed = { processedIds: ids, processedAt: Date.now() };
    const sqlite = this.sql.sqliteDatabase();
    if (sqlite === null) {
      await this.sql.query(`UPDATE raw_events SET processed_at = $1 WHERE id = ANY($2::bigint[])`, [
        request.processedAt,
        ids,
      ]);
    } else if (this.writer.available) {
      await this.writer.request(request);
    } else {
      this.mainThreadAppender(sqlite).markProcessed(request);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return this.writer.close();
  }

  private mainThreadAppender(sqlite: BetterSqlite3.Database): SqliteRawEventAppender {
    return (this.mainThreadWriter ??= new SqliteRawEventAppender(sqlite));
  }

  private async appendOnPostgres(request: RawEventAppend): Promise<boolean[]> {
    const shas = request.bodies.map(sha256);
    const unique = new Map<string, string>();
    for (const [index, sha] of shas.entries()) unique.set(sha, request.bodies[index]);
    const inserted = await this.sql.insertMany(
      'raw_events',
      [
        { name: 'received_at', kind: 'bigint' },
        { name: 'source', kind: 'text' },
        { name: 'body_sha256', kind: 'text' },
        { name: 'body', kind: 'text' },
        { name: 'processed_at', kind: 'bigint' },
      ],
      [...unique].map(([sha, body]) => [
        request.receivedAt,
        request.source,
        sha,
        body,
        request.processed ? request.receivedAt : null,
      ]),
      { returning: 'body_sha256', conflictTarget: ['body_sha256'] },
    );
    const fresh = new Set(inserted as string[]);
    return shas.map((sha) => fresh.delete(sha));
  }
}
