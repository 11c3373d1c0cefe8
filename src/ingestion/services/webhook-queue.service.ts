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
import type { WebhookEvent } from '../parsers/webhook-event.types';
import { IngestionService } from './ingestion.service';
import { RawEventLog } from './raw-event-log.service';

const BATCH_SIZE = 5000;
const BATCH_WINDOW_MS = 250;
const MAX_ATTEMPTS = 3;
const RETRY_DELAY_MS = 5000;

/**
 * Applies logged webhook bodies in arrival order, a batch at a time, one batch at once: the
 * webhook answers as soon as the body is durable, and batching re-rates each conversation and
 * counter once per batch instead of once per event. A drain starts `BATCH_WINDOW_MS` after the
 * first body that wakes it, so that busy traffic is applied in batches of hundreds rather than
 * one per group commit (charges appear a quarter of a second later). Unprocessed bodies left by
 * a stop are resumed at start-up.
 */
@Injectable()
export class WebhookQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookQueue.name);
  private readonly sql: SqlDialect;
  private draining: Promise<void> | null = null;
  private window: NodeJS.Timeout | null = null;
  private pending = false;
  private stopped = false;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly ingestion: IngestionService,
    private readonly rawEventLog: RawEventLog,
    private readonly statistics: PlannerStatistics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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

  /** Resolves once every logged body has been applied (tests and imports wait on it). */
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
      .catch((error: unknown) => {
        // The database may be briefly unavailable: try again shortly.
        this.logger.error(
          `webhook queue stopped: ${String(error)}; retrying in ${RETRY_DELAY_MS} ms`,
        );
        setTimeout(() => this.wake(), RETRY_DELAY_MS).unref();
      })
      .finally(() => {
        this.draining = null;
        if (this.pending) this.wake();
      });
  }

  /**
   * Logged bodies still to apply, and bodies that failed every attempt and wait for an operator
   * (kept in the raw event log with their last error).
   */
  async backlog(): Promise<{ waiting: number; failed: number }> {
    const rows: { waiting: number | string | null; failed: number | string | null }[] =
      await this.sql.query(
        `SELECT SUM(CASE WHEN attempts < ${MAX_ATTEMPTS} THEN 1 ELSE 0 END) AS waiting,
                SUM(CASE WHEN attempts < ${MAX_ATTEMPTS} THEN 0 ELSE 1 END) AS failed
         FROM raw_events WHERE processed_at IS NULL`,
      );
    return { waiting: Number(rows[0]?.waiting ?? 0), failed: Number(rows[0]?.failed ?? 0) };
  }

  /** Applies what is logged; goes straight on while there is a backlog of full batches. */
  private async drain(): Promise<void> {
    for (;;) {
      const rows: { id: number | string; body: string }[] = await this.sql.query(
        `SELECT id, body FROM raw_events WHERE processed_at IS NULL AND attempts < ${MAX_ATTEMPTS} ORDER BY id LIMIT ${BATCH_SIZE}`,
      );
      if (rows.length > 0)
        await this.applyBatch(rows.map((row) => ({ id: Number(row.id), body: row.body })));
      await this.statistics.refresh();
      if (rows.length < BATCH_SIZE || this.stopped) return;
    }
  }

  private async applyBatch(rows: { id: number; body: string }[]): Promise<void> {
    try {
      await this.ingestion.applyParsed(
        rows.flatMap((row) => this.eventsOf(row)),
        'incremental',
      );
      await this.rawEventLog.markProcessed(rows.map((row) => row.id));
      return;
    } catch (error) {
      this.logger.error(
        `a batch of ${rows.length} webhook bodies failed; applying them one by one: ${String(error)}`,
      );
    }
    // One bad body must not hold back the others. A retry re-rates every message the body
    // touches, since the failed attempt may have stored its facts without re-rating.
    for (const row of rows) {
      try {
        await this.ingestion.applyParsed(this.eventsOf(row), 'retry');
        await this.rawEventLog.markProcessed([row.id]);
      } catch (error) {
        this.logger.error(`raw event ${row.id} failed (kept for replay): ${String(error)}`);
        await this.sql.query(
          `UPDATE raw_events SET attempts = attempts + 1, last_error = ${this.sql.param(1)} WHERE id = ${this.sql.param(2)}`,
          [String(error).slice(0, 2000), row.id],
        );
      }
    }
  }

  private eventsOf(row: { id: number; body: string }): WebhookEvent[] {
    try {
      return this.ingestion.parseEvents(this.ingestion.parseBody(row.body)).events;
    } catch (error) {
      this.logger.error(`raw event ${row.id} is not a webhook body: ${String(error)}`);
      return [];
    }
  }
}
