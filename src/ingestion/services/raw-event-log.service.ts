import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SQLITE_PRAGMAS } from '../../database/data-source-options';
import { SqlDialect } from '../../database/sql-dialect';
import { startWorker } from '../../database/start-worker.util';
import type {
  RawEventAppend,
  RawEventAppendReply,
  RawEventLogWorkerData,
} from '../workers/raw-event-log.protocol';

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
  private writer: Promise<WriterThread> | null = null;

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
    const writer = await this.writerThread();
    return writer.append({ id: 0, bodies: [...bodies], source, processed, receivedAt: Date.now() });
  }

  async onApplicationShutdown(): Promise<void> {
    const writer = this.writer;
    this.writer = null;
    if (writer !== null) await (await writer).close();
  }

  private writerThread(): Promise<WriterThread> {
    if (this.writer === null) {
      const workerData: RawEventLogWorkerData = {
        sqliteFile: this.config.sqliteFile,
        pragmas: SQLITE_PRAGMAS,
      };
      this.writer = startWorker(join(__dirname, '..', 'workers'), 'raw-event-log.worker', {
        workerData,
      }).then(
        (worker) =>
          new WriterThread(worker, () => {
            this.writer = null;
          }),
      );
      // A thread that failed to start is tried again on the next append.
      this.writer.catch(() => {
        this.writer = null;
      });
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

/** The writer thread and the appends it has not answered yet. */
class WriterThread {
  private readonly waiting = new Map<
    number,
    { resolve: (fresh: boolean[]) => void; reject: (error: Error) => void }
  >();
  private readonly unanswered = new Set<Promise<void>>();
  private nextId = 1;
  private readonly exited: Promise<void>;

  constructor(
    private readonly worker: Worker,
    onExit: () => void,
  ) {
    // An idle thread never keeps the process alive; one with appends to answer does.
    worker.unref();
    worker.on('message', (reply: RawEventAppendReply) => this.answer(reply));
    worker.on('error', (error) => this.failAll(error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        onExit();
        this.failAll(new Error(`the raw event log's writer thread stopped (exit code ${code})`));
        resolve();
      }),
    );
  }

  append(request: RawEventAppend): Promise<boolean[]> {
    const id = this.nextId++;
    const answered = new Promise<boolean[]>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...request, id });
    });
    const settled = answered.then(
      () => undefined,
      () => undefined,
    );
    this.unanswered.add(settled);
    void settled.then(() => this.unanswered.delete(settled));
    return answered;
  }

  /** Waits for the answers to what was sent, then closes the thread's connection. */
  async close(): Promise<void> {
    await Promise.all(this.unanswered);
    this.worker.postMessage('close');
    await this.exited;
  }

  private answer(reply: RawEventAppendReply): void {
    const entry = this.waiting.get(reply.id);
    if (entry === undefined) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    if ('error' in reply) entry.reject(new Error(reply.error));
    else entry.resolve(Array.from(reply.fresh, (flag) => flag === 1));
  }

  private failAll(error: Error): void {
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    for (const entry of entries) entry.reject(error);
  }
}
