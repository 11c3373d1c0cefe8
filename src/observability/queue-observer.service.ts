import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlDialect } from '../database/sql-dialect';

/** What the raw event log holds that is not applied yet, as operators and probes see it. */
export interface QueueState {
  /** Bodies still to apply (retrying ones included). */
  waiting: number;
  /** Of them, bodies waiting for another attempt after a failure. */
  retrying: number;
  /** Bodies set aside after their last attempt, waiting for an operator. */
  setAside: number;
  /**
   * When the oldest body never tried yet was received; null when there is none. Bodies waiting
   * for a retry are left out: one bad body must not make every process look unready for hours.
   */
  oldestFreshReceivedAt: number | null;
}

/** Reads the webhook queue's state from the raw event log, for any process on the database. */
@Injectable()
export class QueueObserver {
  private readonly sql: SqlDialect;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sql = new SqlDialect(dataSource);
  }

  async state(): Promise<QueueState> {
    const rows: {
      waiting: number | string | null;
      retrying: number | string | null;
      set_aside: number | string | null;
      oldest: number | string | null;
    }[] = await this.sql.query(
      `SELECT SUM(CASE WHEN set_aside_at IS NULL THEN 1 ELSE 0 END) AS waiting,
              SUM(CASE WHEN set_aside_at IS NULL AND attempts > 0 THEN 1 ELSE 0 END) AS retrying,
              SUM(CASE WHEN set_aside_at IS NULL THEN 0 ELSE 1 END) AS set_aside,
              MIN(CASE WHEN set_aside_at IS NULL AND attempts = 0 THEN received_at END) AS oldest
         FROM raw_events WHERE processed_at IS NULL AND discarded_at IS NULL`,
    );
    const row = rows[0];
    return {
      waiting: Number(row?.waiting ?? 0),
      retrying: Number(row?.retrying ?? 0),
      setAside: Number(row?.set_aside ?? 0),
      oldestFreshReceivedAt:
        row?.oldest === null || row?.oldest === undefined ? null : Number(row.oldest),
    };
  }
}
