import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlDialect } from './sql-dialect';

/** How often, at most, the writers' progress is compared with the statistics. */
const CHECK_INTERVAL_MS = 5_000;

/** Below it a table is left to the planner's defaults (a few pages read whatever the plan). */
const MIN_CHANGED_ROWS = 1_000;

/** A table's row changes since its statistics were taken, from pg_stat_user_tables. */
export interface TableChanges {
  table: string;
  liveRows: number;
  changedSinceAnalyze: number;
}

/**
 * Tables whose planner statistics no longer describe them: never analysed with rows in them,
 * or changed by as many rows as they held since. Column statistics are fractions of the table
 * (n_distinct of a unique column is -1), so they hold while a table grows; only their absence
 * misleads the planner, which then reads a batch of 5,000 wamids by scanning every message.
 * Doubling keeps the number of ANALYZE runs logarithmic in a table's growth.
 */
export function tablesToAnalyze(changes: readonly TableChanges[]): string[] {
  return changes
    .filter(
      (change) =>
        change.changedSinceAnalyze >= MIN_CHANGED_ROWS &&
        change.changedSinceAnalyze >= change.liveRows - change.changedSinceAnalyze,
    )
    .map((change) => change.table);
}

/**
 * Keeps PostgreSQL's planner statistics current for the tables the service fills in bulk.
 * The server's autovacuum does it only when it is on and only once a minute, while an import or
 * a burst of webhooks grows `messages` from nothing to millions of rows in that time; without
 * statistics the planner scans the whole table for each batch's lookups (77 ms a batch at
 * 400,000 messages, growing with the table, instead of 15 ms). SQLite's planner needs none.
 */
@Injectable()
export class PlannerStatistics {
  private readonly logger = new Logger(PlannerStatistics.name);
  private readonly sql: SqlDialect;
  private lastCheck = 0;
  private running: Promise<void> | null = null;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Analyses the service's tables that changed beyond `tablesToAnalyze`'s threshold; checks at
   * most every few seconds unless `now` is set (after a bulk load). Never fails: statistics
   * only make plans better, so a failure is logged and the writer goes on.
   */
  refresh(options: { now?: boolean } = {}): Promise<void> {
    if (!this.sql.postgres) return Promise.resolve();
    if (this.running !== null) return this.running;
    if (!options.now && Date.now() - this.lastCheck < CHECK_INTERVAL_MS) return Promise.resolve();
    this.lastCheck = Date.now();
    this.running = this.analyzeChanged()
      .catch((error: unknown) =>
        this.logger.warn(`planner statistics not refreshed: ${String(error)}`),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async analyzeChanged(): Promise<void> {
    const rows: { table: string; live_rows: string; changed: string }[] = await this.sql.query(
      `SELECT relname AS table, n_live_tup AS live_rows, n_mod_since_analyze AS changed
         FROM pg_stat_user_tables WHERE schemaname = current_schema()`,
    );
    const tables = tablesToAnalyze(
      rows.map((row) => ({
        table: row.table,
        liveRows: Number(row.live_rows),
        changedSinceAnalyze: Number(row.changed),
      })),
    );
    for (const table of tables) await this.sql.query(`ANALYZE "${table}"`);
  }
}
