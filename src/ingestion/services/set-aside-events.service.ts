import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import { SqlDialect } from '../../database/sql-dialect';
import type { RawEventEntity } from '../entities/raw-event.entity';
import { WebhookQueue } from './webhook-queue.service';

/** A body the webhook queue set aside (or one an operator discarded), as an operator sees it. */
export interface SetAsideEvent {
  id: number;
  receivedAt: Date;
  source: RawEventEntity['source'];
  bodySha256: string;
  body: string;
  attempts: number;
  lastError: string | null;
  setAsideAt: Date | null;
  discardedAt: Date | null;
  discardedBy: string | null;
  discardReason: string | null;
}

export interface SetAsideEventPage {
  events: SetAsideEvent[];
  hasNextPage: boolean;
  /** Every set-aside (or discarded) body, not only this page's. */
  totalCount: number;
}

export type ReplayOutcome = 'APPLIED' | 'FAILED';

export interface ReplayResult {
  results: { id: number; outcome: ReplayOutcome; error: string | null }[];
  applied: number;
  failed: number;
}

/** A discard reason is kept for audit: at most this many characters. */
export const MAX_DISCARD_REASON_LENGTH = 1_000;
/** Ids named in one replay or discard. */
export const MAX_EVENT_IDS = 1_000;

const COLUMNS =
  'id, received_at, source, body_sha256, body, attempts, last_error, set_aside_at, discarded_at, discarded_by, discard_reason';

interface Row {
  id: number | string;
  received_at: number | string;
  source: RawEventEntity['source'];
  body_sha256: string;
  body: string;
  attempts: number | string;
  last_error: string | null;
  set_aside_at: number | string | null;
  discarded_at: number | string | null;
  discarded_by: string | null;
  discard_reason: string | null;
}

const SET_ASIDE = 'processed_at IS NULL AND set_aside_at IS NOT NULL AND discarded_at IS NULL';
const DISCARDED = 'processed_at IS NULL AND discarded_at IS NOT NULL';

/**
 * An operator's tools for the webhook bodies the queue set aside after every attempt of their
 * retry schedule: list them with their last error, replay them after a fix (through the queue's
 * own path: facts applied, then everything they touch re-rated), or discard them with a reason
 * (kept: who, when, why). A discarded body is never applied and no longer counted as failed.
 */
@Injectable()
export class SetAsideEventsService {
  private readonly logger = new Logger(SetAsideEventsService.name);
  private readonly sql: SqlDialect;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly queue: WebhookQueue,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Set-aside bodies (or, with `discarded`, the discarded ones), oldest first: the `first` after
   * the raw event `afterId` (null: from the oldest).
   */
  async list(page: {
    first: number;
    afterId: number | null;
    discarded: boolean;
  }): Promise<SetAsideEventPage> {
    const { first } = page;
    const afterId = page.afterId ?? 0;
    const where = page.discarded ? DISCARDED : SET_ASIDE;
    const rows: Row[] = await this.sql.query(
      `SELECT ${COLUMNS} FROM raw_events WHERE ${where} AND id > ${this.sql.param(1)}
        ORDER BY id LIMIT ${this.sql.param(2)}`,
      [afterId, first + 1],
    );
    const counted: { n: number | string }[] = await this.sql.query(
      `SELECT COUNT(*) AS n FROM raw_events WHERE ${where}`,
    );
    return {
      events: rows.slice(0, first).map(toEvent),
      hasNextPage: rows.length > first,
      totalCount: Number(counted[0].n),
    };
  }

  /**
   * Applies set-aside bodies again, one by one in arrival order, through the queue's path, and
   * says how each went: an applied body is done; one that fails again stays set aside with its
   * new error and one more attempt counted. `ids` names bodies; null replays every one.
   */
  async replay(ids: readonly string[] | null): Promise<ReplayResult> {
    const targets =
      ids === null ? await this.allSetAsideIds() : await this.setAsideIds(ids, 'replayed');
    const result: ReplayResult = { results: [], applied: 0, failed: 0 };
    for (const id of targets) {
      const rows: { body: string }[] = await this.sql.query(
        `SELECT body FROM raw_events WHERE id = ${this.sql.param(1)} AND ${SET_ASIDE}`,
        [id],
      );
      // Replayed or discarded meanwhile (by another operator): nothing to do.
      if (rows.length === 0) continue;
      const outcome = await this.queue.applyOne({ id, body: rows[0].body });
      if (outcome.applied) {
        result.applied += 1;
        result.results.push({ id, outcome: 'APPLIED', error: null });
        continue;
      }
      result.failed += 1;
      result.results.push({ id, outcome: 'FAILED', error: outcome.error });
      await this.sql.query(
        `UPDATE raw_events SET attempts = attempts + 1, last_error = ${this.sql.param(1)},
                set_aside_at = ${this.sql.param(2)}
          WHERE id = ${this.sql.param(3)}`,
        [outcome.error, Date.now(), id],
      );
    }
    this.logger.log(
      `replayed ${result.results.length} set-aside webhook bodies: ${result.applied} applied, ${result.failed} failed`,
    );
    return result;
  }

  /**
   * Discards set-aside bodies for good: they are never applied and no longer counted as failed;
   * `by` (who), the time and `reason` are kept with them.
   */
  async discard(ids: readonly string[], reason: string, by: string): Promise<number[]> {
    const why = reason.trim();
    if (why === '') throw new DomainError('BAD_USER_INPUT', 'a discard needs a reason');
    if (why.length > MAX_DISCARD_REASON_LENGTH) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `the reason is ${why.length} characters long; at most ${MAX_DISCARD_REASON_LENGTH} are kept`,
      );
    }
    const targets = await this.setAsideIds(ids, 'discarded');
    const now = Date.now();
    for (const id of targets) {
      await this.sql.query(
        `UPDATE raw_events SET discarded_at = ${this.sql.param(1)}, discarded_by = ${this.sql.param(2)},
                discard_reason = ${this.sql.param(3)}
          WHERE id = ${this.sql.param(4)} AND ${SET_ASIDE}`,
        [now, by.slice(0, 200), why, id],
      );
    }
    this.logger.warn(`${by} discarded set-aside webhook bodies ${targets.join(', ')}: ${why}`);
    return targets;
  }

  private async allSetAsideIds(): Promise<number[]> {
    const rows: { id: number | string }[] = await this.sql.query(
      `SELECT id FROM raw_events WHERE ${SET_ASIDE} ORDER BY id`,
    );
    return rows.map((row) => Number(row.id));
  }

  /** The named bodies, checked: each must exist and be set aside (not applied, not discarded). */
  private async setAsideIds(ids: readonly string[], action: string): Promise<number[]> {
    if (ids.length === 0)
      throw new DomainError('BAD_USER_INPUT', `name the bodies to be ${action}`);
    if (ids.length > MAX_EVENT_IDS) {
      throw new DomainError('BAD_USER_INPUT', `at most ${MAX_EVENT_IDS} ids at once`);
    }
    const wanted = [...new Set(ids.map((id) => parseRawEventId(id, 'id')))].sort((a, b) => a - b);
    const rows: {
      id: number | string;
      processed_at: number | string | null;
      set_aside_at: number | string | null;
      discarded_at: number | string | null;
    }[] = await this.sql.query(
      `SELECT id, processed_at, set_aside_at, discarded_at FROM raw_events
        WHERE id IN (${this.sql.params(1, wanted.length)})`,
      wanted,
    );
    const found = new Map(rows.map((row) => [Number(row.id), row]));
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new DomainError('NOT_FOUND', `no raw event ${missing.join(', ')}`);
    }
    const problems = wanted.flatMap((id) => {
      const row = found.get(id)!;
      if (row.discarded_at !== null) return [`raw event ${id} was discarded`];
      if (row.processed_at !== null) return [`raw event ${id} was applied`];
      if (row.set_aside_at === null) {
        return [`raw event ${id} is not set aside (the queue still has attempts left for it)`];
      }
      return [];
    });
    if (problems.length > 0) {
      throw new DomainError(
        'CONFLICT',
        `only set-aside bodies can be ${action}: ${problems.join('; ')}`,
      );
    }
    return wanted;
  }
}

/** A raw event id: a positive whole number. */
/** A raw event id as an operator writes it; anything else is BAD_USER_INPUT naming `field`. */
export function parseRawEventId(value: string, field: string): number {
  const text = String(value).trim();
  if (!/^\d{1,10}$/.test(text) || Number(text) < 1 || Number(text) > 2_147_483_647) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field} must be a raw event id (a whole number); got ${JSON.stringify(value)}`,
    );
  }
  return Number(text);
}

function toEvent(row: Row): SetAsideEvent {
  const instant = (value: number | string | null) =>
    value === null ? null : new Date(Number(value));
  return {
    id: Number(row.id),
    receivedAt: new Date(Number(row.received_at)),
    source: row.source,
    bodySha256: row.body_sha256,
    body: row.body,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    setAsideAt: instant(row.set_aside_at),
    discardedAt: instant(row.discarded_at),
    discardedBy: row.discarded_by,
    discardReason: row.discard_reason,
  };
}
