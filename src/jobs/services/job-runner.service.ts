import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, QueryRunner } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { BillingMetrics } from '../../observability/metrics/billing-metrics.service';
import type { JobEntity } from '../entities/job.entity';
import type { JobContext, JobEndHandler, JobHandler, JobKind } from '../job.types';
import { JobsService, STALE_HEARTBEAT_MS } from './jobs.service';

const POLL_MS = 1000;
const HEARTBEAT_MS = STALE_HEARTBEAT_MS / 6;

/** Thrown out of a job's `report` when the process stops: the job is handed back, not failed. */
export class JobInterrupted extends Error {}

/**
 * Runs jobs in the service process, one at a time (so that long work never starves the API of
 * the process): claims the oldest waiting job of any process, keeps its heartbeat, stores its
 * progress, checkpoint and result. Stopping hands the running job back at its next checkpoint;
 * another process, or the next start, resumes it. Command-line tools run no jobs.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers = new Map<JobKind, JobHandler>();
  private readonly endHandlers = new Map<JobKind, JobEndHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopping = false;
  private enabled = false;

  /** PostgreSQL: the connection holding the advisory lock of the job this process runs. */
  private lockConnection: QueryRunner | null = null;

  constructor(
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly metrics: BillingMetrics,
  ) {
    jobs.onEnqueued(() => this.wake());
  }

  /**
   * `afterEnd` runs once the job is recorded DONE or FAILED by this process (an import's file is
   * deleted then, never while another run may still need it).
   */
  register(kind: JobKind, handler: JobHandler, afterEnd?: JobEndHandler): void {
    this.handlers.set(kind, handler);
    if (afterEnd) this.endHandlers.set(kind, afterEnd);
    else this.endHandlers.delete(kind);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.processWebhookQueue) await this.start();
  }

  /** Starts running jobs (service processes do at start-up). */
  async start(): Promise<void> {
    // SQLite has one service process: whatever was running stopped with the last one.
    if (this.config.databaseKind === 'sqlite') await this.jobs.releaseAllRunning();
    this.stopping = false;
    this.enabled = true;
    this.wake();
  }

  /**
   * Takes no more jobs and makes the running one hand itself back at its next checkpoint (a
   * stopping service does this first, so that its last webhook batches need not wait for it).
   */
  stop(): void {
    this.stopping = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running;
    await this.dropLockConnection();
  }

  /** Looks for work now (and then every second while there is none). */
  wake(): void {
    if (!this.enabled || this.stopping || this.running !== null) return;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.runAvailable()
      .catch((error: unknown) => this.logger.error(`job runner: ${String(error)}`))
      .finally(() => {
        this.running = null;
        if (!this.stopping) this.timer = setTimeout(() => this.wake(), POLL_MS).unref();
      });
  }

  /** Resolves once no job of any process is waiting or running (tests and tools wait on it). */
  async idle(): Promise<void> {
    for (;;) {
      await this.running;
      if (!(await this.jobs.busy())) return;
      this.wake();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private async runAvailable(): Promise<void> {
    for (;;) {
      if (this.stopping) return;
      const claimed = await this.jobs.claim();
      const job =
        claimed ??
        (await this.jobs.claimOrphan({
          hold: (id) => this.lockJob(id),
          release: (id) => this.unlockJob(id),
        }));
      if (job === null) return;
      // (A job taken over from a process that died is locked already.)
      if (claimed !== null && !(await this.lockJob(job.id))) continue;
      try {
        await this.run(job);
      } finally {
        await this.unlockJob(job.id);
      }
    }
  }

  /** Takes the job's advisory lock (PostgreSQL); false when a live process holds it. */
  private async lockJob(id: string): Promise<boolean> {
    if (this.dataSource.options.type !== 'postgres') return true;
    const rows = await this.onLockConnection(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [`billing:job:${id}`],
    );
    return (rows as { locked: boolean }[])[0].locked;
  }

  private async unlockJob(id: string): Promise<void> {
    if (this.lockConnection === null) return;
    await this.onLockConnection('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [
      `billing:job:${id}`,
    ]);
  }

  /**
   * A query on the connection that holds this process's job locks. A connection that failed (the
   * database restarted, and took its locks with it) is dropped: the next lock opens a new one.
   */
  private async onLockConnection(sql: string, parameters: unknown[]): Promise<unknown[]> {
    if (this.lockConnection === null) {
      const connection = this.dataSource.createQueryRunner();
      await connection.connect();
      this.lockConnection = connection;
    }
    try {
      return (await this.lockConnection.query(sql, parameters)) as unknown[];
    } catch (error) {
      await this.dropLockConnection();
      throw error;
    }
  }

  private async dropLockConnection(): Promise<void> {
    const connection = this.lockConnection;
    this.lockConnection = null;
    await connection?.release().catch(() => undefined);
  }

  private async run(job: JobEntity): Promise<void> {
    const handler = this.handlers.get(job.kind);
    if (handler === undefined) {
      await this.jobs.fail(job.id, `no handler for jobs of kind ${job.kind} in this process`);
      return;
    }
    const heartbeat = setInterval(() => void this.jobs.heartbeat(job.id), HEARTBEAT_MS).unref();
    const context: JobContext = {
      checkpoint: job.checkpoint,
      report: async (progress, checkpoint) => {
        const ours = await this.jobs.report(job.id, Math.min(1, Math.max(0, progress)), checkpoint);
        if (!ours || this.stopping) throw new JobInterrupted();
      },
    };
    const timer = this.metrics.jobDuration.startTimer({ kind: job.kind });
    let ended = false;
    try {
      const result = await handler(job.payload, context);
      ended = await this.jobs.finish(job.id, result ?? null);
      timer({ outcome: 'done' });
    } catch (error) {
      if (error instanceof JobInterrupted) {
        timer({ outcome: 'handed_back' });
        await this.jobs.release(job.id);
        return;
      }
      timer({ outcome: 'failed' });
      this.logger.error(`job ${job.id} (${job.kind}) failed: ${String(error)}`);
      ended = await this.jobs.fail(
        job.id,
        error instanceof DomainError ? error.message : `${job.kind} failed: ${String(error)}`,
      );
    } finally {
      clearInterval(heartbeat);
    }
    const afterEnd = this.endHandlers.get(job.kind);
    if (ended && afterEnd) {
      await afterEnd(job.payload).catch((error: unknown) =>
        this.logger.warn(`job ${job.id} (${job.kind}) ended, tidying failed: ${String(error)}`),
      );
    }
  }
}
