import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { PlannerStatistics } from '../../database/planner-statistics.service';
import { SqlDialect } from '../../database/sql-dialect';
import { BillingMetrics } from '../../observability/metrics/billing-metrics.service';
import type { WebhookEvent } from '../parsers/webhook-event.types';
import { IngestionService } from './ingestion.service';
import { RawEventLog } from './raw-event-log.service';

const BATCH_SIZE = 5000;
const BATCH_WINDOW_MS = 250;

/**
 * When a body that failed is tried again: the n-th failure waits `firstDelayMs × 2^(n−1)`, at
 * most `maxDelayMs`; the `maxAttempts`-th failure sets the body aside for an operator. With the
 * defaults the attempts are 5 s, 10 s, 20 s … 43 min apart, then hourly: a body is set aside
 * after 16 failures over about 6 h 25 min, so an outage shorter than that sets nothing aside.
 */
export interface RetrySchedule {
  firstDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = {
  firstDelayMs: 5_000,
  maxDelayMs: 3_600_000,
  maxAttempts: 16,
};

/** When the queue cannot even read or mark the log (the database is down): 1 s, 2 s … 1 min. */
const DRAIN_RETRY_FIRST_MS = 1_000;
const DRAIN_RETRY_MAX_MS = 60_000;

/** A logged body and the outcome of one attempt to apply it. */
export interface RawEventRow {
  id: number;
  body: string;
}

export type ApplyOutcome = { applied: true } | { applied: false; error: string };

/** Bodies taken from the log for this process, and how to record what became of them. */
interface RawEventClaim {
  rows: RawEventRow[];
  query<T>(sql: string, parameters: unknown[]): Promise<T[]>;
  markProcessed(ids: number[]): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** The condition of a body still to apply: not applied, not set aside, not discarded. */
const WAITING = 'processed_at IS NULL AND set_aside_at IS NULL AND discarded_at IS NULL';

/**
 * Applies logged webhook bodies in arrival order, a batch at a time, one batch at once: the
 * webhook answers as soon as the body is durable, and batching re-rates each conversation and
 * counter once per batch instead of once per event. A drain starts `BATCH_WINDOW_MS` after the
 * first body that wakes it, so that busy traffic is applied in batches of hundreds rather than
 * one per group commit (charges appear a quarter of a second later). A body that fails is tried
 * again on its retry schedule (`RetrySchedule`), woken by a timer, not by new traffic; a drain
 * that fails as a whole (the database is unreachable) is tried again with its own backoff.
 * Unprocessed bodies left by a stop are resumed at start-up.
 */
@Injectable()
export class WebhookQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  /** The retry schedule of failed bodies (tests shorten it). */
  schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE;
  private readonly logger = new Logger(WebhookQueue.name);
  private readonly sql: SqlDialect;
  private draining: Promise<void> | null = null;
  private window: NodeJS.Timeout | null = null;
  private retry: { timer: NodeJS.Timeout; at: number } | null = null;
  private drainFailures = 0;
  private pending = false;
  private stopped = false;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly ingestion: IngestionService,
    private readonly rawEventLog: RawEventLog,
    private readonly statistics: PlannerStatistics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: BillingMetrics,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  onApplicationBootstrap(): void {
    // Command-line tools share the database but leave the queue to the server.
    if (this.config.processWebhookQueue) this.wake();
    else this.stopped = true;
  }

  onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.window !== null) clearTimeout(this.window);
    this.window = null;
    this.cancelRetry();
    return this.draining ?? Promise.resolve();
  }

  /**
   * Schedules a drain after the batch window, or makes the running drain schedule another when
   * it finishes.
   */
  wake(): void {
    if (this.stopped) return;
    this.pending = true;
    if (this.draining === null && this.window === null) {
      // The window alone never keeps a process alive (the server's listener does).
      this.window = setTimeout(() => this.startDrain(), BATCH_WINDOW_MS).unref();
    }
  }

  /**
   * Resolves once every body due now has been applied or has failed (tests and imports wait on
   * it); a later retry is not waited for.
   */
  async idle(): Promise<void> {
    while (this.window !== null || this.draining !== null) {
      if (this.window !== null) this.startDrain();
      await this.draining;
    }
  }

  private startDrain(): void {
    if (this.window !== null) clearTimeout(this.window);
    this.window = null;
    this.pending = false;
    this.draining = this.drain()
      .then(async () => {
        this.drainFailures = 0;
        await this.scheduleNextAttempt();
      })
      .catch((error: unknown) => {
        // The database may be unavailable: try again, later each time, without new traffic.
        const delay = Math.min(DRAIN_RETRY_FIRST_MS * 2 ** this.drainFailures, DRAIN_RETRY_MAX_MS);
        this.drainFailures += 1;
        this.logger.error(`webhook queue stopped: ${String(error)}; retrying in ${delay} ms`);
        this.retryAt(Date.now() + delay);
      })
      .finally(() => {
        this.draining = null;
        if (this.pending) this.wake();
      });
  }

  /** Wakes the queue at `at` (the earliest of the times asked for wins). */
  private retryAt(at: number): void {
    if (this.stopped) return;
    if (this.retry !== null && this.retry.at <= at) return;
    this.cancelRetry();
    // A next attempt never lies further ahead than the longest wait (a clock set back may say so).
    const longest = Math.max(this.schedule.maxDelayMs, DRAIN_RETRY_MAX_MS);
    const delay = Math.min(Math.max(0, at - Date.now()), longest);
    const timer = setTimeout(() => {
      this.retry = null;
      this.wake();
    }, delay).unref();
    this.retry = { timer, at };
  }

  private cancelRetry(): void {
    if (this.retry !== null) clearTimeout(this.retry.timer);
    this.retry = null;
  }

  /** Sets the timer for the earliest body waiting for its next attempt. */
  private async scheduleNextAttempt(): Promise<void> {
    const rows: { next: number | string | null }[] = await this.sql.query(
      `SELECT MIN(next_attempt_at) AS next FROM raw_events WHERE ${WAITING} AND next_attempt_at IS NOT NULL`,
    );
    const next = rows[0]?.next ?? null;
    if (next !== null) this.retryAt(Number(next));
  }

  /**
   * Logged bodies still to apply (retrying: those of them waiting after a failed attempt), and
   * bodies set aside after every attempt of their schedule, which wait for an operator (kept in
   * the raw event log with their last error). Discarded bodies are in neither.
   */
  async backlog(): Promise<{ waiting: number; retrying: number; failed: number }> {
    const rows: {
      waiting: number | string | null;
      retrying: number | string | null;
      failed: number | string | null;
    }[] = await this.sql.query(
      `SELECT SUM(CASE WHEN set_aside_at IS NULL THEN 1 ELSE 0 END) AS waiting,
              SUM(CASE WHEN set_aside_at IS NULL AND attempts > 0 THEN 1 ELSE 0 END) AS retrying,
              SUM(CASE WHEN set_aside_at IS NULL THEN 0 ELSE 1 END) AS failed
         FROM raw_events WHERE processed_at IS NULL AND discarded_at IS NULL`,
    );
    return {
      waiting: Number(rows[0]?.waiting ?? 0),
      retrying: Number(rows[0]?.retrying ?? 0),
      failed: Number(rows[0]?.failed ?? 0),
    };
  }

  /** Applies what is logged and due; goes straight on while there is a backlog of full batches. */
  private async drain(): Promise<void> {
    for (;;) {
      const claim = await this.claimDue();
      try {
        const applied = claim.rows.length > 0 ? await this.applyBatch(claim) : 0;
        await claim.commit();
        this.metrics.webhookBodiesApplied.inc(applied);
      } catch (error) {
        await claim.rollback();
        throw error;
      }
      await this.statistics.refresh();
      if (claim.rows.length < BATCH_SIZE || this.stopped) return;
    }
  }

  /**
   * The bodies due now, in arrival order. On PostgreSQL they are claimed for this process: their
   * rows stay locked (`FOR UPDATE SKIP LOCKED`) in a transaction of their own until they are
   * marked, so that other service processes take the next bodies instead; a process that dies
   * releases them with its connection.
   */
  private async claimDue(): Promise<RawEventClaim> {
    const select = `SELECT id, body FROM raw_events
        WHERE ${WAITING} AND (next_attempt_at IS NULL OR next_attempt_at <= ${this.sql.param(1)})
        ORDER BY id LIMIT ${BATCH_SIZE}`;
    if (!this.sql.postgres) {
      const rows: { id: number | string; body: string }[] = await this.sql.query(select, [
        Date.now(),
      ]);
      return {
        rows: rows.map((row) => ({ id: Number(row.id), body: row.body })),
        query: (sql, parameters) => this.sql.query(sql, parameters),
        markProcessed: (ids) => this.rawEventLog.markProcessed(ids),
        commit: () => Promise.resolve(),
        rollback: () => Promise.resolve(),
      };
    }
    const runner = this.sql.dataSource.createQueryRunner();
    await runner.connect();
    let open = true;
    const end = async (finish: () => Promise<void>) => {
      if (!open) return;
      open = false;
      try {
        await finish();
      } finally {
        await runner.release();
      }
    };
    try {
      await runner.startTransaction();
      const rows = (await runner.query(`${select} FOR UPDATE SKIP LOCKED`, [Date.now()])) as {
        id: number | string;
        body: string;
      }[];
      return {
        rows: rows.map((row) => ({ id: Number(row.id), body: row.body })),
        query: async <T>(sql: string, parameters: unknown[]) =>
          (await runner.query(sql, parameters)) as T[],
        markProcessed: async (ids) => {
          await runner.query(
            `UPDATE raw_events SET processed_at = $1 WHERE id = ANY($2::bigint[])`,
            [Date.now(), ids],
          );
        },
        commit: () => end(() => runner.commitTransaction()),
        rollback: () => end(() => runner.rollbackTransaction()),
      };
    } catch (error) {
      await end(() => runner.rollbackTransaction());
      throw error;
    }
  }

  /** Applies the claimed bodies; how many were applied (counted once the claim commits). */
  private async applyBatch(claim: RawEventClaim): Promise<number> {
    const rows = claim.rows;
    try {
      await this.ingestion.applyParsed(
        rows.flatMap((row) => this.eventsOf(row)),
        'incremental',
      );
      await claim.markProcessed(rows.map((row) => row.id));
      return rows.length;
    } catch (error) {
      this.logger.error(
        `a batch of ${rows.length} webhook bodies failed; applying them one by one: ${String(error)}`,
      );
    }
    // One bad body must not hold back the others.
    let applied = 0;
    for (const row of rows) {
      const outcome = await this.applyOnItsOwn(row, claim);
      if (outcome.applied) applied += 1;
      else await this.recordFailure(row.id, outcome.error, claim);
    }
    return applied;
  }

  /**
   * Applies one logged body on its own and marks it processed, or says why it failed: the path
   * of every retry, an operator's replay included. It re-rates every message the body touches,
   * since a failed attempt may have stored its facts without re-rating.
   */
  async applyOne(row: RawEventRow): Promise<ApplyOutcome> {
    const outcome = await this.applyOnItsOwn(row, {
      markProcessed: (ids) => this.rawEventLog.markProcessed(ids),
    });
    if (outcome.applied) this.metrics.webhookBodiesApplied.inc();
    return outcome;
  }

  private async applyOnItsOwn(
    row: RawEventRow,
    claim: Pick<RawEventClaim, 'markProcessed'>,
  ): Promise<ApplyOutcome> {
    try {
      await this.ingestion.applyParsed(this.eventsOf(row), 'retry');
      await claim.markProcessed([row.id]);
      return { applied: true };
    } catch (error) {
      return { applied: false, error: String(error).slice(0, 2000) };
    }
  }

  /** Counts a failed attempt: the next one is scheduled, or, after the last, the body set aside. */
  private async recordFailure(id: number, error: string, claim: RawEventClaim): Promise<void> {
    const rows: { attempts: number | string }[] = await claim.query(
      `SELECT attempts FROM raw_events WHERE id = ${this.sql.param(1)}`,
      [id],
    );
    const attempts = Number(rows[0]?.attempts ?? 0) + 1;
    const now = Date.now();
    if (attempts >= this.schedule.maxAttempts) {
      this.logger.error(
        `raw event ${id} failed ${attempts} times and is set aside for an operator: ${error}`,
      );
      await claim.query(
        `UPDATE raw_events SET attempts = ${this.sql.param(1)}, last_error = ${this.sql.param(2)},
                next_attempt_at = NULL, set_aside_at = ${this.sql.param(3)}
          WHERE id = ${this.sql.param(4)}`,
        [attempts, error, now, id],
      );
      return;
    }
    const delay = retryDelay(this.schedule, attempts);
    this.logger.warn(
      `raw event ${id} failed (attempt ${attempts} of ${this.schedule.maxAttempts}); next attempt in ${Math.round(delay / 1000)} s: ${error}`,
    );
    await claim.query(
      `UPDATE raw_events SET attempts = ${this.sql.param(1)}, last_error = ${this.sql.param(2)},
              next_attempt_at = ${this.sql.param(3)}
        WHERE id = ${this.sql.param(4)}`,
      [attempts, error, now + delay, id],
    );
  }

  private eventsOf(row: RawEventRow): WebhookEvent[] {
    try {
      return this.ingestion.parseEvents(this.ingestion.parseBody(row.body)).events;
    } catch (error) {
      this.logger.error(`raw event ${row.id} is not a webhook body: ${String(error)}`);
      return [];
    }
  }
}

/** How long after its `attempts`-th failure a body is tried again. */
export function retryDelay(schedule: RetrySchedule, attempts: number): number {
  return Math.min(schedule.firstDelayMs * 2 ** (attempts - 1), schedule.maxDelayMs);
}
