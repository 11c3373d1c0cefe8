import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlDialect } from '../../database/sql-dialect';
import type { WebhookEvent } from '../parsers/webhook-event.types';
import { IngestionService } from './ingestion.service';

const BATCH_SIZE = 500;

/**
 * Applies logged webhook bodies in arrival order, a batch at a time, one batch at once: the
 * webhook answers as soon as the body is durable, and batching re-rates each conversation and
 * counter once per batch instead of once per event. Unprocessed bodies left by a stop are
 * resumed at start-up.
 */
@Injectable()
export class WebhookQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookQueue.name);
  private readonly sql: SqlDialect;
  private draining: Promise<void> | null = null;
  private pending = false;
  private stopped = false;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly ingestion: IngestionService,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  onApplicationBootstrap(): void {
    this.wake();
  }

  onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    return this.draining ?? Promise.resolve();
  }

  /** Starts draining, or makes the running drain look again when it finishes its batch. */
  wake(): void {
    if (this.stopped) return;
    this.pending = true;
    if (this.draining === null) {
      this.draining = this.drain().finally(() => {
        this.draining = null;
      });
    }
  }

  /** Resolves once every logged body has been applied (tests and imports wait on it). */
  async idle(): Promise<void> {
    while (this.draining !== null) await this.draining;
  }

  private async drain(): Promise<void> {
    while (this.pending && !this.stopped) {
      this.pending = false;
      for (;;) {
        const rows: { id: number | string; body: string }[] = await this.sql.dataSource.query(
          `SELECT id, body FROM raw_events WHERE processed_at IS NULL ORDER BY id LIMIT ${BATCH_SIZE}`,
        );
        if (rows.length === 0) break;
        await this.applyBatch(rows.map((row) => ({ id: Number(row.id), body: row.body })));
        if (this.stopped) return;
      }
    }
  }

  private async applyBatch(rows: { id: number; body: string }[]): Promise<void> {
    const events = rows.flatMap((row) => this.eventsOf(row));
    try {
      await this.ingestion.applyParsed(events, 'incremental');
    } catch (error) {
      // One bad body must not block the others: apply them one by one and log the failures.
      this.logger.error(
        `batch of ${rows.length} webhook bodies failed, retrying one by one: ${String(error)}`,
      );
      for (const row of rows) {
        try {
          await this.ingestion.applyParsed(this.eventsOf(row), 'incremental');
        } catch (single) {
          this.logger.error(
            `raw event ${row.id} could not be applied (kept for replay): ${String(single)}`,
          );
        }
      }
    }
    const ids = rows.map((row) => row.id);
    await this.sql.dataSource.query(
      `UPDATE raw_events SET processed_at = ${this.sql.param(1)} WHERE id IN (${this.sql.params(2, ids.length)})`,
      [Date.now(), ...ids],
    );
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
