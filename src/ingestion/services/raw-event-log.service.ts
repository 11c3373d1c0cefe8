import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SQLITE_PRAGMAS } from '../../database/data-source-options';
import { SqlDialect } from '../../database/sql-dialect';
import type { SqliteWorkerData } from '../../database/sqlite-worker.util';
import { WorkerRequests } from '../../database/worker-requests.util';
import type { RawEventAppend } from '../workers/raw-event-log.worker';

export type RawEventSource = RawEventAppend['source'];

/**
 * The raw event log: every webhook body and imported line, stored once (by its sha256) before
 * its facts are applied. On a SQLite file a writer thread with its own connection hashes and
 * appends the bodies, so the main thread goes on answering requests and applying facts on the
 * other core meanwhile; on PostgreSQL the database server already does that work.
 */
@Injectable()
export class RawEventLog implements OnApplicationShutdown {
  private readonly sql: SqlDialect;
  private writer: WorkerRequests<RawEventAppend, Uint8Array> | null = null;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sql = new SqlDialect(dataSource);
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
    if (this.sql.sqliteDatabase() === null || this.config.sqliteFile === ':memory:') {
      return this.appendHere(bodies, source, processed);
    }
    const fresh = await this.writerThread().request({
      bodies: [...bodies],
      source,
      processed,
      receivedAt: Date.now(),
    });
    return Array.from(fresh, (flag) => flag === 1);
  }

  async onApplicationShutdown(): Promise<void> {
    const writer = this.writer;
    this.writer = null;
    await writer?.close();
  }

  private writerThread(): WorkerRequests<RawEventAppend, Uint8Array> {
    if (this.writer === null) {
      const workerData: SqliteWorkerData = {
        sqliteFile: this.config.sqliteFile,
        pragmas: SQLITE_PRAGMAS,
      };
      this.writer = new WorkerRequests(
        join(__dirname, '..', 'workers'),
        'raw-event-log.worker',
        workerData,
        "the raw event log's writer thread",
        // A thread that died is replaced at the next append.
        () => (this.writer = null),
      );
    }
    return this.writer;
  }

  private async appendHere(
    bodies: readonly string[],
    source: RawEventSource,
    processed: boolean,
  ): Promise<boolean[]> {
    const shas = bodies.map(sha256);
    const receivedAt = Date.now();
    const unique = new Map<string, string>();
    for (const [index, sha] of shas.entries()) unique.set(sha, bodies[index]);
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
        receivedAt,
        source,
        sha,
        body,
        processed ? receivedAt : null,
      ]),
      { returning: 'body_sha256', conflictTarget: ['body_sha256'] },
    );
    const fresh = new Set(inserted as string[]);
    return shas.map((sha) => fresh.delete(sha));
  }
}

export function sha256(body: string): string {
  return createHash('sha256').update(body).digest('hex');
}
