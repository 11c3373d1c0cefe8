import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SqlDialect } from '../../database/sql-dialect';
import { sqliteWriterData, WriterThread } from '../../database/writer-thread.util';
import {
  PostgresRawEventAppender,
  SqliteRawEventAppender,
  type RawEventAppend,
  type RawEventLogWorkerData,
  type RawEventSource,
  type RawEventsProcessed,
} from '../utils/raw-event-appender.util';

/**
 * On PostgreSQL, the fewest bodies appended on the thread: for a webhook group commit of a few
 * bodies the trip to the thread and back cost more than the hashing it saves the main thread
 * (PostgreSQL webhooks, 200,000 events: 5,596/s on the main connection, 5,113/s through the thread).
 */
const POSTGRES_THREAD_APPEND_FROM = 1_000;

/**
 * The raw event log: every webhook body (before its facts are applied) and every imported line,
 * stored once by its sha256. A writer thread with its own connection hashes and appends the
 * bodies, so the main thread goes on answering requests and applying facts on the other core
 * meanwhile (on PostgreSQL only an import's batches: the hashing and the JSON of its lines took
 * the main thread an eighth of the import's first pass).
 */
@Injectable()
export class RawEventLog implements OnApplicationShutdown {
  private readonly sql: SqlDialect;
  private readonly writer: WriterThread<RawEventAppend | RawEventsProcessed, Uint8Array>;
  private mainThreadWriter: SqliteRawEventAppender | null = null;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.sql = new SqlDialect(dataSource);
    const workerData: RawEventLogWorkerData | null = this.sql.postgres
      ? { postgresUrl: config.databaseUrl! }
      : sqliteWriterData(config.sqliteFile);
    this.writer = new WriterThread(workerData, {
      directory: join(__dirname, '..', 'workers'),
      name: 'raw-event-log.worker',
      description: "the raw event log's writer thread",
    });
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
    const onThread =
      this.writer.available && (sqlite !== null || bodies.length >= POSTGRES_THREAD_APPEND_FROM);
    const fresh = onThread
      ? await this.writer.request(request)
      : sqlite === null
        ? await new PostgresRawEventAppender(this.sql.dataSource).append(request)
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
}
