import { BillingMetrics } from '../../observability/metrics/billing-metrics.service';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OverlappedWrites } from '../../database/overlapped-writes.util';
import { SqlDialect } from '../../database/sql-dialect';
import { DatabaseLocks } from '../../database/database-locks.service';
import { WriteLock } from '../../database/write-lock.service';
import type { PendingMessages } from '../../messages/utils/pending-messages.util';
import { compareInSequence } from '../../pricing/engine/charge-messages';
import type { Classification, EngineAccount } from '../../pricing/engine/engine.types';
import { priceClassified } from '../../pricing/engine/price-classified';
import { nextMonth, startOfLocalDate } from '../../pricing/time/local-time.util';
import {
  candidateOf,
  placeOf,
  writeChangedCharges,
  type ChargeCandidate,
} from '../utils/charge-candidates.util';
import { CHARGE_CONTEXT_MS, TIMEZONE_MARGIN_MS, toMillis } from '../utils/engine-message-row.util';
import { ChargeWriter } from './charge-writer.service';
import { MessageClassifier, type Classified } from './message-classifier.service';
import { MessageRowReader } from './message-row-reader.service';

/** A counter member kept between classification and the ordered walk of its counter. */
interface SequencedCharge {
  classification: Classification;
  account: EngineAccount;
  id: number;
  wabaId: string;
  phoneNumberId: string;
  origin: string;
  stored: string | null;
}

const WRITE_BATCH = 25_000;
/** Messages between two progress reports within a month. */
const REPRICE_PROGRESS_EVERY = 10_000;

/** Where a re-rate is: the UTC month being re-rated and its messages classified so far. */
export interface RepriceProgress {
  month: string;
  messages: number;
  done: boolean;
}

/** A month-by-month re-rate that may resume after a month already done, and reports each one. */
export interface MonthProgress {
  /** UTC month (YYYY-MM) already re-rated: the re-rate goes on after it. */
  after?: string;
  onMonth?(month: string, share: number, messages: number): Promise<void>;
  /** Within a month, every so many messages re-rated, and at its end (command-line progress). */
  onMessages?(progress: RepriceProgress): void;
  /**
   * Within a month, the share (0..1) of the whole re-rate done, about twenty times a month
   * (a job's progress), from the month's stored messages.
   */
  onShare?(share: number): void;
}

const SHARE_UPDATES_PER_MONTH = 20;

/** The WABAs (all when null) and the instants (all time when null) to re-rate. */
export interface RepriceScope {
  wabaIds: string[] | null;
  from: Date | null;
  to: Date | null;
  /** Portfolios whose WABAs are re-rated too (one a WABA just left: its counters lost members). */
  alsoPortfolios?: string[];
}

/**
 * Re-rates whole local months: every counter is numbered again from its first member, so a month
 * is read whole, for every WABA sharing counters with the ones asked for.
 */
@Injectable()
export class MonthRerating {
  private readonly sql: SqlDialect;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly reader: MessageRowReader,
    private readonly classifier: MessageClassifier,
    private readonly writer: ChargeWriter,
    private readonly writeLock: WriteLock,
    private readonly locks: DatabaseLocks,
    private readonly metrics: BillingMetrics,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Re-rates whole local months (all messages of the WABAs, or of all WABAs when wabaIds is
   * null) whose charge instant falls in [from, to); null bounds mean "all time". Counters are
   * rebuilt from the first message of each month, so the scope is widened to every WABA of the
   * portfolios involved: they share the volume-tier counters. Messages held in `pending` are
   * charged with the stored ones and written, with their charge, when their month is.
   */
  async repriceRange(
    scope: RepriceScope,
    pending?: PendingMessages,
    progress: MonthProgress = {},
  ): Promise<number> {
    const wabaIds =
      scope.wabaIds === null
        ? null
        : await this.wabasSharingCounters(scope.wabaIds, scope.alsoPortfolios ?? []);
    let from = scope.from;
    let to = scope.to;
    if (from === null || to === null) {
      const bounds = await this.chargeBounds(wabaIds);
      if (bounds === null) return 0;
      from = from ?? bounds.min;
      to = to ?? new Date(bounds.max.getTime() + 1);
    }
    const portfolios = await this.portfoliosOf(wabaIds, scope.alsoPortfolios ?? []);
    let total = 0;
    const months = utcMonthsBetween(from, to);
    for (const [index, month] of months.entries()) {
      if (progress.after !== undefined && month <= progress.after) continue;
      const report = await this.monthReport(wabaIds, month, index, months.length, progress);
      // One month at a time under the process write lock and the portfolios' locks: this
      // process's webhook batches and other processes go on between months.
      total += await this.writeLock.run(() =>
        this.metrics.time(this.metrics.rerateDuration, { kind: 'month' }, () =>
          this.locks.forPortfolios(portfolios, () =>
            this.repriceMonth(wabaIds, month, pending, report),
          ),
        ),
      );
      await progress.onMonth?.(month, (index + 1) / months.length, total);
    }
    return total;
  }

  /** What a month's re-rate reports as it counts its messages, and at its end. */
  private async monthReport(
    wabaIds: string[] | null,
    month: string,
    index: number,
    monthCount: number,
    progress: MonthProgress,
  ): Promise<(messages: number, done: boolean) => void> {
    const { onMessages, onShare } = progress;
    const expected = onShare ? await this.storedMessagesIn(wabaIds, month) : 0;
    const step = Math.max(1, Math.ceil(expected / SHARE_UPDATES_PER_MONTH));
    return (messages, done) => {
      if (onMessages && (done || messages % REPRICE_PROGRESS_EVERY === 0)) {
        onMessages({ month, messages, done });
      }
      if (onShare && !done && messages % step === 0) {
        onShare((index + Math.min(0.99, messages / expected)) / monthCount);
      }
    };
  }

  /** Messages stored with a charge instant in the UTC month (of the WABAs, or all). */
  private async storedMessagesIn(wabaIds: string[] | null, month: string): Promise<number> {
    const start = Date.parse(`${month}-01T00:00:00Z`);
    const end = Date.parse(`${nextMonth(month)}-01T00:00:00Z`);
    const wabas = wabaIds === null ? '' : ` AND waba_id IN (${this.sql.params(3, wabaIds.length)})`;
    const rows: { count: string | number }[] = await this.sql.query(
      `SELECT COUNT(*) AS count FROM messages
        WHERE charge_at >= ${this.sql.param(1)} AND charge_at < ${this.sql.param(2)}${wabas}`,
      [start, end, ...(wabaIds ?? [])],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** The portfolios whose counters the re-rate numbers: of the WABAs, or all when null. */
  private async portfoliosOf(wabaIds: string[] | null, also: string[]): Promise<string[]> {
    const rows: { portfolio_id: string }[] =
      wabaIds === null
        ? await this.sql.query('SELECT DISTINCT portfolio_id FROM wabas')
        : await this.sql.query(
            `SELECT DISTINCT portfolio_id FROM wabas WHERE waba_id IN (${this.sql.params(1, wabaIds.length)})`,
            wabaIds,
          );
    return [...new Set([...rows.map((row) => row.portfolio_id), ...also])];
  }

  /**
   * After a rate card import: every WABA billed in that currency, from the card's first day on.
   * A card takes effect at 12am in each WABA's timezone; UTC+14 is the earliest such instant.
   */
  async repriceForRateCard(
    card: { currency: string; effectiveFrom: string },
    progress: MonthProgress = {},
  ): Promise<number> {
    const from = startOfLocalDate(card.effectiveFrom, 'Pacific/Kiritimati');
    const currency = card.currency;
    const rows: { waba_id: string }[] = await this.sql.query(
      `SELECT waba_id FROM wabas WHERE currency = ${this.sql.param(1)}`,
      [currency],
    );
    if (rows.length === 0) return 0;
    return this.repriceRange(
      { wabaIds: rows.map((row) => row.waba_id), from, to: null },
      undefined,
      progress,
    );
  }

  private async wabasSharingCounters(wabaIds: string[], portfolioIds: string[]): Promise<string[]> {
    const rows: { waba_id: string }[] = await this.sql.query(
      `SELECT waba_id FROM wabas WHERE waba_id IN (${this.sql.params(1, wabaIds.length)})
          OR portfolio_id IN (SELECT portfolio_id FROM wabas WHERE waba_id IN (${this.sql.params(1 + wabaIds.length, wabaIds.length)}))${
            portfolioIds.length > 0
              ? ` OR portfolio_id IN (${this.sql.params(1 + 2 * wabaIds.length, portfolioIds.length)})`
              : ''
          }`,
      [...wabaIds, ...wabaIds, ...portfolioIds],
    );
    return [...new Set([...wabaIds, ...rows.map((row) => row.waba_id)])].sort();
  }

  /**
   * Re-rates one local month in bounded memory: whole conversations are read in chunks (with
   * their 96 h of context) and classified; charges outside any counter are written at once,
   * and only counter members are kept, lean, until their counters can be walked in order.
   */
  private async repriceMonth(
    wabaIds: string[] | null,
    month: string,
    pending: PendingMessages | undefined,
    report: (messages: number, done: boolean) => void,
  ): Promise<number> {
    const start = Date.parse(`${month}-01T00:00:00Z`);
    const end = Date.parse(`${nextMonth(month)}-01T00:00:00Z`);
    const counters = new Map<string, SequencedCharge[]>();
    const writes = new ChargeBuffer(
      (candidates) => writeChangedCharges(this.writer, candidates, pending),
      this.writer.writesUnderWay(),
    );
    let count = 0;
    const consider = async (entry: Classified) => {
      if (entry.classification.month !== month) return;
      count += 1;
      report(count, false);
      const group = entry.classification.sequence?.group;
      if (group === undefined) {
        await writes.add(
          candidateOf(entry, priceClassified(entry.classification, placeOf(entry, null))),
        );
        return;
      }
      const members = counters.get(group) ?? [];
      members.push({
        classification: entry.classification,
        account: entry.account,
        id: entry.row.id,
        wabaId: entry.row.waba_id,
        phoneNumberId: entry.row.phone_number_id,
        origin: entry.row.origin,
        stored: entry.row.charge_fingerprint,
      });
      counters.set(group, members);
    };
    const windowStart = start - TIMEZONE_MARGIN_MS - CHARGE_CONTEXT_MS;
    for await (const rows of this.reader.monthChunks(
      wabaIds,
      windowStart,
      end + TIMEZONE_MARGIN_MS,
      pending,
    )) {
      for (const entry of await this.classifier.classifyRows(rows, null)) await consider(entry);
    }
    // Delivered this month but sent before the window (a phone offline for days): read with
    // their own conversation context, once the month's writes so far are done.
    await writes.flush();
    const late = await this.reader.lateDeliveries(
      wabaIds,
      windowStart,
      start - TIMEZONE_MARGIN_MS,
      end + TIMEZONE_MARGIN_MS,
      pending,
    );
    if (late.length > 0) {
      const lateIds = new Set(late.map((row) => row.id));
      for (const entry of await this.classifier.classifyWithContext(late, pending)) {
        if (lateIds.has(entry.row.id)) await consider(entry);
      }
    }
    for (const members of counters.values()) {
      members.sort((a, b) => compareInSequence(a.classification, b.classification));
      for (const [index, member] of members.entries()) {
        const charge = priceClassified(member.classification, {
          ordinal: index + 1,
          freeServiceAllowance: member.account.freeServiceAllowance,
        });
        await writes.add({
          id: member.id,
          charge,
          wabaId: member.wabaId,
          portfolioId: member.account.portfolioId,
          phoneNumberId: member.phoneNumberId,
          origin: member.origin,
          stored: member.stored,
        });
      }
    }
    await writes.flush();
    report(count, true);
    return count;
  }

  private async chargeBounds(wabaIds: string[] | null): Promise<{ min: Date; max: Date } | null> {
    const filter =
      wabaIds === null ? '' : ` WHERE waba_id IN (${this.sql.params(1, wabaIds.length)})`;
    const rows: { min: string | number | null; max: string | number | null }[] =
      await this.sql.query(
        `SELECT MIN(sent_at) AS min, MAX(COALESCE(delivered_at, sent_at)) AS max FROM messages${filter}`,
        wabaIds ?? [],
      );
    const min = toMillis(rows[0]?.min ?? null);
    const max = toMillis(rows[0]?.max ?? null);
    return min === null || max === null ? null : { min: new Date(min), max: new Date(max) };
  }
}

/**
 * Collects charges to write and writes them in batches, so memory stays bounded; up to `depth`
 * batches are written while the next is charged. `flush` returns once everything is written.
 */
class ChargeBuffer {
  private pending: ChargeCandidate[] = [];
  private readonly writes: OverlappedWrites<ChargeCandidate[]>;

  constructor(sink: (candidates: ChargeCandidate[]) => Promise<void>, depth: number) {
    this.writes = new OverlappedWrites(sink, depth);
  }

  async add(candidate: ChargeCandidate): Promise<void> {
    this.pending.push(candidate);
    if (this.pending.length >= WRITE_BATCH) await this.startWrite();
  }

  async flush(): Promise<void> {
    await this.startWrite();
    await this.writes.settled();
  }

  private async startWrite(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) await this.writes.start(batch);
  }
}

/** UTC calendar months overlapping [from, to), widened by the timezone margin. */
function utcMonthsBetween(from: Date, to: Date): string[] {
  const first = new Date(from.getTime() - TIMEZONE_MARGIN_MS).toISOString().slice(0, 7);
  const last = new Date(to.getTime() + TIMEZONE_MARGIN_MS).toISOString().slice(0, 7);
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}
