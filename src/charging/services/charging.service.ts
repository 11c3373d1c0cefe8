import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/services/accounts.service';
import { OverlappedWrites } from '../../database/overlapped-writes.util';
import { SqlDialect } from '../../database/sql-dialect';
import { WriteLock } from '../../database/write-lock.service';
import { classifyAll, compareInSequence } from '../../pricing/engine/charge-messages';
import type { Charge, Classification, EngineAccount } from '../../pricing/engine/engine.types';
import { priceClassified } from '../../pricing/engine/price-classified';
import { RateCardsService } from '../../rate-cards/services/rate-cards.service';
import type { PendingMessage, PendingMessages } from '../../messages/utils/pending-messages.util';
import { nextMonth, startOfLocalDate } from '../../pricing/time/local-time.util';
import {
  CHARGE_CONTEXT_MS,
  MESSAGE_FACTS_COLUMNS,
  TIMEZONE_MARGIN_MS,
  toEngineMessage,
  rowIdOf,
  sequenceKey,
  toMillis,
  type MessageFactsRow,
} from '../utils/engine-message-row.util';
import { ChargeWriter, chargeFingerprint, type ChargeWrite } from './charge-writer.service';
import { TemplateCategoryBook } from './template-category-book.service';

export interface RepriceScope {
  wabaIds: string[] | null;
  from: Date | null;
  to: Date | null;
  alsoPortfolios?: string[];
}

/** A month-by-month re-rate that may resume after a month already done, and reports each one. */
export interface MonthProgress {
  /** UTC month (YYYY-MM) already re-rated: the re-rate goes on after it. */
  after?: string;
  onMonth?(month: string, share: number, messages: number): Promise<void>;
  /** Within a month, every so many messages re-rated, and at its end (command-line progress). */
  onMessages?(progress: RepriceProgress): void;
}

interface MessageRow extends MessageFactsRow {
  id: number;
  sequence_group: string | null;
  sequence_ordinal: number | null;
  charge_at: string | number | null;
  charge_fingerprint: string | null;
}

/** A charge ready to write, with the stored one's fingerprint to skip unchanged writes. */
interface ChargeCandidate extends ChargeWrite {
  stored: string | null;
}

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

/** A month re-rate reports its progress every so many messages, and when the month is done. */
const REPRICE_PROGRESS_EVERY = 10_000;

/** Where a re-rate is: the UTC month being re-rated and its messages classified so far. */
export interface RepriceProgress {
  month: string;
  messages: number;
  done: boolean;
}

/** A place in a counter: the charge instant, then wamid, then row id break ties. */
interface SequencePoint {
  at: number;
  wamid: string;
  id: number;
}

function pointKey(point: SequencePoint) {
  return { chargeAt: new Date(point.at), messageId: sequenceKey(point.wamid, point.id) };
}

function pointParameters(point: SequencePoint): unknown[] {
  return [point.at, point.at, point.wamid, point.wamid, point.id];
}

interface Classified {
  row: MessageRow;
  account: EngineAccount;
  classification: Classification;
}

const STORED_CHARGE_COLUMNS = 'sequence_group, sequence_ordinal, charge_at, charge_fingerprint';
const ROW_COLUMNS = `${MESSAGE_FACTS_COLUMNS}, ${STORED_CHARGE_COLUMNS}`;

/**
 * Keeps every message's charge current. Late facts re-rate only what they can affect: the rest
 * of the conversation within the 96-hour window horizon, and the later places in the volume-tier
 * and free-allowance counters the changed messages moved in or out of.
 */
@Injectable()
export class ChargingService {
  /** Rows read per chunk when re-rating a month (whole conversations; tests make it small). */
  conversationChunkRows = 20_000;
  private readonly sql: SqlDialect;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly rateCards: RateCardsService,
    private readonly templateCategories: TemplateCategoryBook,
    private readonly writer: ChargeWriter,
    private readonly writeLock: WriteLock,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Re-rates the given messages and everything their change can affect. Messages held in
   * `pending` (new, not stored yet) are charged with the stored ones and written with their
   * charge; one that another writer stored meanwhile is listed in `pending.refused`.
   */
  async rerateMessages(ids: readonly number[], pending?: PendingMessages): Promise<number> {
    if (ids.length === 0) return 0;
    const changed = await this.loadRowsByIds(ids, pending);
    const classified = await this.classifyWithContext(changed, pending);
    return this.sequenceAndStore(classified, pending);
  }

  /**
   * Re-rates whole local months (all messages of the WABAs, or of all WABAs when wabaIds is
   * null) whose charge instant falls in [from, to); null bounds mean "all time". Counters are
   * rebuilt from the first message of each month, so the scope is widened to every WABA of the
   * portfolios involved: they share the volume-tier counters. Messages held in `pending` are
   * charged with the stored ones and written, with their charge, when their month is.
   */
  repriceRange(
    scope: RepriceScope,
    pending?: PendingMessages,
    progress: MonthProgress = {},
  ): Promise<number> {
    return this.writeLock.run(async () => {
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
      let total = 0;
      const months = utcMonthsBetween(from, to);
      for (const [index, month] of months.entries()) {
        if (progress.after !== undefined && month <= progress.after) continue;
        total += await this.repriceMonth(wabaIds, month, pending, progress.onMessages);
        await progress.onMonth?.(month, (index + 1) / months.length, total);
      }
      return total;
    });
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

  /**
   * Re-rates one local month in bounded memory: whole conversations are read in chunks (with
   * their 96 h of context) and classified; charges outside any counter are written at once,
   * and only counter members are kept, lean, until their counters can be walked in order.
   */
  private async repriceMonth(
    wabaIds: string[] | null,
    month: string,
    pending: PendingMessages | undefined,
    onProgress?: (progress: RepriceProgress) => void,
  ): Promise<number> {
    const start = Date.parse(`${month}-01T00:00:00Z`);
    const end = Date.parse(`${nextMonth(month)}-01T00:00:00Z`);
    const counters = new Map<string, SequencedCharge[]>();
    const writes = new ChargeBuffer(
      (candidates) => this.store(candidates, pending),
      this.writer.writesUnderWay(),
    );
    let count = 0;
    const consider = async (entry: Classified) => {
      if (entry.classification.month !== month) return;
      count += 1;
      if (onProgress && count % REPRICE_PROGRESS_EVERY === 0) {
        onProgress({ month, messages: count, done: false });
      }
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
    for await (const rows of this.monthChunks(
      wabaIds,
      windowStart,
      end + TIMEZONE_MARGIN_MS,
      pending,
    )) {
      for (const entry of await this.classifyRows(rows, null)) await consider(entry);
    }
    // Delivered this month but sent before the window (a phone offline for days): read with
    // their own conversation context, once the month's writes so far are done.
    await writes.flush();
    const late = await this.lateDeliveries(
      wabaIds,
      windowStart,
      start - TIMEZONE_MARGIN_MS,
      end + TIMEZONE_MARGIN_MS,
      pending,
    );
    if (late.length > 0) {
      const lateIds = new Set(late.map((row) => row.id));
      for (const entry of await this.classifyWithContext(late, pending)) {
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
    onProgress?.({ month, messages: count, done: true });
    return count;
  }

  private async lateDeliveries(
    wabaIds: string[] | null,
    sentBefore: number,
    deliveredFrom: number,
    deliveredTo: number,
    pending: PendingMessages | undefined,
  ): Promise<MessageRow[]> {
    const filter =
      wabaIds === null ? '' : ` AND waba_id IN (${this.sql.params(4, wabaIds.length)})`;
    const rows: MessageRow[] = await this.sql.query(
      `SELECT ${ROW_COLUMNS} FROM messages WHERE sent_at < ${this.sql.param(1)}
          AND COALESCE(delivered_at, read_at) >= ${this.sql.param(2)}
          AND COALESCE(delivered_at, read_at) < ${this.sql.param(3)}${filter}`,
      [sentBefore, deliveredFrom, deliveredTo, ...(wabaIds ?? [])],
    );
    const wabas = wabaIds === null ? null : new Set(wabaIds);
    for (const message of pending?.values() ?? []) {
      const { sentAt, deliveredAt, readAt, wabaId } = message.facts;
      const delivered = (deliveredAt ?? readAt)?.getTime() ?? null;
      if (
        sentAt !== null &&
        sentAt.getTime() < sentBefore &&
        delivered !== null &&
        delivered >= deliveredFrom &&
        delivered < deliveredTo &&
        (wabas === null || wabas.has(wabaId))
      ) {
        rows.push(heldRow(message));
      }
    }
    return rows.map(normalizeRow);
  }

  /**
   * The month's conversations, a chunk at a time: the stored ones (with the held messages of
   * the same conversations added), then the conversations only held messages make up.
   */
  private async *monthChunks(
    wabaIds: string[] | null,
    from: number,
    to: number,
    pending: PendingMessages | undefined,
  ): AsyncGenerator<MessageRow[]> {
    const wabas = wabaIds === null ? null : new Set(wabaIds);
    const held = (messages: readonly PendingMessage[]) =>
      messages
        .filter((message) => {
          const sent = message.facts.sentAt?.getTime() ?? null;
          return (
            sent !== null &&
            sent >= from &&
            sent < to &&
            (wabas === null || wabas.has(message.facts.wabaId))
          );
        })
        .map(heldRow);
    const served = new Set<string>();
    for await (const chunk of this.conversationChunks(wabaIds, from, to)) {
      if (pending !== undefined) {
        const conversations = new Map(
          chunk.map((row) => [`${row.phone_number_id}|${row.contact}`, row] as const),
        );
        for (const [key, row] of conversations) {
          served.add(key);
          chunk.push(...held(pending.conversation(row.phone_number_id, row.contact)));
        }
      }
      yield chunk;
    }
    if (pending === undefined) return;
    let chunk: MessageRow[] = [];
    for (const { phoneNumberId, contact, messages } of pending.conversations()) {
      if (served.has(`${phoneNumberId}|${contact}`)) continue;
      chunk.push(...held(messages));
      if (chunk.length >= this.conversationChunkRows) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length > 0) yield chunk;
  }

  /** Messages in [from, to) for the WABAs, a batch of whole conversations at a time. */
  private async *conversationChunks(
    wabaIds: string[] | null,
    from: number,
    to: number,
  ): AsyncGenerator<MessageRow[]> {
    const filter = (first: number) =>
      wabaIds === null ? '' : ` AND waba_id IN (${this.sql.params(first, wabaIds.length)})`;
    let after: { phone: string; contact: string } | null = null;
    for (;;) {
      const parameters: unknown[] = [from, to, ...(wabaIds ?? [])];
      let keyset = '';
      if (after !== null) {
        const first = parameters.length + 1;
        keyset = ` AND (phone_number_id, contact) > (${this.sql.params(first, 2)})`;
        parameters.push(after.phone, after.contact);
      }
      const rows: MessageRow[] = await this.sql.query(
        `SELECT ${ROW_COLUMNS} FROM messages WHERE sent_at >= ${this.sql.param(1)} AND sent_at < ${this.sql.param(2)}${filter(3)}${keyset} ORDER BY phone_number_id, contact, sent_at LIMIT ${this.conversationChunkRows}`,
        parameters,
      );
      if (rows.length === 0) return;
      const last = rows[rows.length - 1];
      let chunk = rows;
      if (rows.length === this.conversationChunkRows) {
        // The last conversation may continue past the limit: leave it for the next read,
        // unless it is the only one, which is then read whole.
        chunk = rows.filter(
          (row) => row.phone_number_id !== last.phone_number_id || row.contact !== last.contact,
        );
        if (chunk.length === 0) {
          chunk = await this.sql.query(
            `SELECT ${ROW_COLUMNS} FROM messages WHERE sent_at >= ${this.sql.param(1)} AND sent_at < ${this.sql.param(2)} AND phone_number_id = ${this.sql.param(3)} AND contact = ${this.sql.param(4)}`,
            [from, to, last.phone_number_id, last.contact],
          );
        }
      }
      const tail = chunk[chunk.length - 1];
      after = { phone: tail.phone_number_id, contact: tail.contact };
      yield chunk;
      if (rows.length < this.conversationChunkRows) return;
    }
  }

  private async sequenceAndStore(
    classified: Classified[],
    pending: PendingMessages | undefined,
  ): Promise<number> {
    const reclassified = new Map(classified.map((entry) => [entry.row.id, entry]));
    const dirty = new Map<string, SequencePoint>();
    const markDirty = (group: string | null, at: number | null, wamid: string, id: number) => {
      if (group === null || at === null) return;
      const current = dirty.get(group);
      if (
        !current ||
        compareInSequence(
          { chargeAt: new Date(at), messageId: sequenceKey(wamid, id) },
          pointKey(current),
        ) < 0
      ) {
        dirty.set(group, { at, wamid, id });
      }
    };
    for (const entry of classified) {
      const newGroup = entry.classification.sequence?.group ?? null;
      const storedAt = toMillis(entry.row.charge_at);
      const newAt = entry.classification.chargeAt.getTime();
      const moved = newGroup !== entry.row.sequence_group || storedAt !== newAt;
      if (moved || (newGroup !== null && entry.row.sequence_ordinal === null)) {
        markDirty(entry.row.sequence_group, storedAt, entry.row.wamid, entry.row.id);
        markDirty(newGroup, newAt, entry.row.wamid, entry.row.id);
      }
    }
    // Later members of a dirty counter may shift place: load and re-classify them too.
    const laterIds: number[] = [];
    for (const [group, point] of dirty) {
      const ids: { id: number }[] = await this.sql.query(
        `SELECT id FROM messages WHERE sequence_group = ${this.sql.param(1)} AND NOT ${this.beforePoint(2)}`,
        [group, ...pointParameters(point)],
      );
      for (const { id } of ids) if (!reclassified.has(Number(id))) laterIds.push(Number(id));
    }
    if (laterIds.length > 0) {
      const later = await this.classifyWithContext(await this.loadRowsByIds(laterIds), pending);
      for (const entry of later)
        if (!reclassified.has(entry.row.id)) reclassified.set(entry.row.id, entry);
    }
    const charges = new Map<number, Charge>();
    const byGroup = new Map<string, Classified[]>();
    for (const entry of reclassified.values()) {
      const group = entry.classification.sequence?.group ?? null;
      if (group === null) {
        charges.set(entry.row.id, priceClassified(entry.classification, placeOf(entry, null)));
      } else if (dirty.has(group)) {
        const members = byGroup.get(group);
        if (members) members.push(entry);
        else byGroup.set(group, [entry]);
      } else {
        charges.set(
          entry.row.id,
          priceClassified(entry.classification, placeOf(entry, entry.row.sequence_ordinal ?? 1)),
        );
      }
    }
    for (const [group, members] of byGroup) {
      const point = dirty.get(group)!;
      const before = await this.countBefore(group, point, members);
      const earlierReclassified = members.filter(
        (entry) => compareInSequence(entry.classification, pointKey(point)) < 0,
      ).length;
      const ordered = members
        .filter((entry) => compareInSequence(entry.classification, pointKey(point)) >= 0)
        .sort((a, b) => compareInSequence(a.classification, b.classification));
      let ordinal = before + earlierReclassified;
      for (const entry of members) {
        if (compareInSequence(entry.classification, pointKey(point)) < 0) {
          charges.set(
            entry.row.id,
            priceClassified(entry.classification, placeOf(entry, entry.row.sequence_ordinal ?? 1)),
          );
        }
      }
      for (const entry of ordered) {
        ordinal += 1;
        charges.set(entry.row.id, priceClassified(entry.classification, placeOf(entry, ordinal)));
      }
    }
    const entries = [...reclassified.values()];
    await this.store(
      entries.map((entry) => candidateOf(entry, charges.get(entry.row.id)!)),
      pending,
    );
    return entries.length;
  }

  /** Rows ordered before a counter point: (charge_at, wamid, id) below (at, wamid, id). */
  private beforePoint(first: number): string {
    const p = (offset: number) => this.sql.param(first + offset);
    const wamid = this.sql.binary('wamid');
    return `(charge_at < ${p(0)} OR (charge_at = ${p(1)} AND (${wamid} < ${p(2)} OR (wamid = ${p(3)} AND id < ${p(4)}))))`;
  }

  /**
   * How many stored members of a counter come before a point, leaving out `members` (those being
   * re-classified now). The last stored member before the point carries its place: every re-rate
   * renumbers a counter from its first changed place on, so the places before a point run 1..n
   * in order. Reading that one row is a short walk down an index, where counting read every
   * earlier member of the month (tens of milliseconds a batch on PostgreSQL at a few hundred
   * thousand messages, and growing with the month). A member without a place falls back to it.
   */
  private async countBefore(
    group: string,
    point: SequencePoint,
    members: Classified[],
  ): Promise<number> {
    const p = (index: number) => this.sql.param(index);
    const wamid = this.sql.binary('wamid');
    // `beforePoint`'s OR made SQLite merge two index searches and sort every earlier member; a
    // range on charge_at lets both databases walk the index backwards and stop at the first row.
    const last: { sequence_ordinal: number | string | null }[] = await this.sql.query(
      `SELECT sequence_ordinal FROM messages
        WHERE sequence_group = ${p(1)} AND charge_at <= ${p(2)}
          AND NOT (charge_at = ${p(3)} AND (${wamid} > ${p(4)} OR (wamid = ${p(5)} AND id >= ${p(6)})))
        ORDER BY charge_at DESC, ${wamid} DESC, id DESC LIMIT 1`,
      [group, ...pointParameters(point)],
    );
    if (last.length === 0) return 0;
    if (last[0].sequence_ordinal === null)
      return this.countStoredBefore(
        group,
        point,
        members.map((entry) => entry.row.id),
      );
    const membersStoredBefore = members.filter((entry) => {
      const storedAt = toMillis(entry.row.charge_at);
      return (
        entry.row.sequence_group === group &&
        storedAt !== null &&
        compareInSequence(
          pointKey({ at: storedAt, wamid: entry.row.wamid, id: entry.row.id }),
          pointKey(point),
        ) < 0
      );
    }).length;
    return Number(last[0].sequence_ordinal) - membersStoredBefore;
  }

  private async countStoredBefore(
    group: string,
    point: SequencePoint,
    excluded: number[],
  ): Promise<number> {
    const params: unknown[] = [group, ...pointParameters(point)];
    const exclusion =
      excluded.length > 0 ? ` AND id NOT IN (${this.sql.params(7, excluded.length)})` : '';
    params.push(...excluded);
    const rows: { count: string | number }[] = await this.sql.query(
      `SELECT COUNT(*) AS count FROM messages WHERE sequence_group = ${this.sql.param(1)} AND ${this.beforePoint(2)}${exclusion}`,
      params,
    );
    return Number(rows[0].count);
  }

  private async loadRowsByIds(
    ids: readonly number[],
    pending?: PendingMessages,
  ): Promise<MessageRow[]> {
    const rows: MessageRow[] = [];
    const stored: number[] = [];
    for (const id of ids) {
      const held = pending?.byId(id);
      if (held === undefined) stored.push(id);
      else rows.push(heldRow(held));
    }
    for (let start = 0; start < stored.length; start += 500) {
      const chunk = stored.slice(start, start + 500);
      rows.push(
        ...((await this.sql.query(
          `SELECT ${ROW_COLUMNS} FROM messages WHERE id IN (${this.sql.params(1, chunk.length)})`,
          chunk,
        )) as MessageRow[]),
      );
    }
    return rows.map(normalizeRow);
  }

  /**
   * Classifies the rows, loading from each conversation what came up to 96 h before them (from
   * storage and from the held messages).
   */
  private async classifyWithContext(
    rows: MessageRow[],
    pending?: PendingMessages,
  ): Promise<Classified[]> {
    const byConversation = new Map<
      string,
      { phone: string; contact: string; min: number; max: number }
    >();
    for (const row of rows) {
      const key = `${row.phone_number_id}|${row.contact}`;
      const sent = toMillis(row.sent_at) ?? 0;
      const entry = byConversation.get(key);
      if (entry) {
        entry.min = Math.min(entry.min, sent);
        entry.max = Math.max(entry.max, sent);
      } else {
        byConversation.set(key, {
          phone: row.phone_number_id,
          contact: row.contact,
          min: sent,
          max: sent,
        });
      }
    }
    // One query per 200 conversations over their common time span; each keeps only its own.
    const context: MessageRow[] = [];
    const conversations = [...byConversation.values()];
    for (let start = 0; start < conversations.length; start += 200) {
      const chunk = conversations.slice(start, start + 200);
      const from = Math.min(...chunk.map((conversation) => conversation.min)) - CHARGE_CONTEXT_MS;
      const to = Math.max(...chunk.map((conversation) => conversation.max)) + CHARGE_CONTEXT_MS;
      const pairs = chunk.map((_, index) => `(${this.sql.params(3 + index * 2, 2)})`).join(', ');
      const loaded: MessageRow[] = await this.sql.query(
        `SELECT ${ROW_COLUMNS} FROM messages WHERE sent_at >= ${this.sql.param(1)} AND sent_at <= ${this.sql.param(2)} AND (phone_number_id, contact) IN (${pairs})`,
        [from, to, ...chunk.flatMap((conversation) => [conversation.phone, conversation.contact])],
      );
      for (const conversation of chunk) {
        const held = pending?.conversation(conversation.phone, conversation.contact) ?? [];
        loaded.push(...held.map(heldRow));
      }
      for (const row of loaded) {
        // A row the database matched but JavaScript keys differently is no context of ours.
        const conversation = byConversation.get(`${row.phone_number_id}|${row.contact}`);
        const sent = toMillis(row.sent_at);
        if (
          conversation !== undefined &&
          sent !== null &&
          sent >= conversation.min - CHARGE_CONTEXT_MS &&
          sent <= conversation.max + CHARGE_CONTEXT_MS
        ) {
          context.push(normalizeRow(row));
        }
      }
    }
    const earliest = new Map([...byConversation].map(([key, value]) => [key, value.min]));
    return this.classifyRows(
      context,
      (row) =>
        (toMillis(row.sent_at) ?? 0) >=
        (earliest.get(`${row.phone_number_id}|${row.contact}`) ?? 0),
    );
  }

  private async classifyRows(
    rows: MessageRow[],
    keep: ((row: MessageRow) => boolean) | null,
  ): Promise<Classified[]> {
    const normalized = rows.map(normalizeRow);
    await this.accounts.refreshEngineAccounts();
    const accounts = new Map<string, EngineAccount>();
    for (const row of normalized) {
      if (!accounts.has(row.phone_number_id)) {
        accounts.set(row.phone_number_id, await this.accounts.engineAccount(row.phone_number_id));
      }
    }
    await this.templateCategories.ensureLoaded();
    const book = await this.rateCards.book();
    const rowsById = new Map(normalized.map((row) => [row.id, row]));
    const messages = normalized.map((row) => toEngineMessage(row, this.templateCategories));
    const result: Classified[] = [];
    for (const { message, classification } of classifyAll(
      messages,
      (phone) => accounts.get(phone)!,
      book,
    )) {
      const row = rowsById.get(rowIdOf(message))!;
      if (keep === null || keep(row)) {
        result.push({ row, account: accounts.get(row.phone_number_id)!, classification });
      }
    }
    return result;
  }

  /**
   * Writes the charges that differ from what is stored (unchanged ones cost nothing), and held
   * messages whole with their charge (the candidates are ours: they are completed in place). A
   * held message another writer stored meanwhile stays out of the pending set's hold and is
   * listed in its `refused`.
   */
  private async store(candidates: ChargeCandidate[], pending?: PendingMessages): Promise<void> {
    const writes: ChargeWrite[] = [];
    const held = new Map<number, PendingMessage>();
    for (const candidate of candidates) {
      const message = pending?.byId(candidate.id);
      if (message !== undefined) {
        held.set(message.id, message);
        candidate.newMessage = message.facts;
        candidate.rowIdOnWrite = pending!.provisionalIds;
        writes.push(candidate);
      } else if (candidate.stored === null || candidate.stored !== chargeFingerprint(candidate)) {
        writes.push(candidate);
      }
    }
    const refused = new Set(await this.writer.write(writes));
    for (const message of held.values()) pending!.release(message, refused.has(message.id));
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

function placeOf(entry: Classified, ordinal: number | null) {
  return { ordinal, freeServiceAllowance: entry.account.freeServiceAllowance };
}

function candidateOf(entry: Classified, charge: Charge): ChargeCandidate {
  return {
    id: entry.row.id,
    charge,
    wabaId: entry.row.waba_id,
    portfolioId: entry.account.portfolioId,
    phoneNumberId: entry.row.phone_number_id,
    origin: entry.row.origin,
    stored: entry.row.charge_fingerprint,
  };
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

/**
 * A held message as the charging reads a stored one that was never charged. One literal: a
 * spread of the facts would build a slow dictionary-mode object per held message.
 */
function heldRow({ id, facts }: PendingMessage): MessageRow {
  return {
    id,
    wamid: facts.wamid,
    phone_number_id: facts.phoneNumberId,
    waba_id: facts.wabaId,
    direction: facts.direction,
    origin: facts.origin,
    contact: facts.contact,
    contact_user_id: facts.contactUserId,
    contact_country: facts.contactCountry,
    group_id: facts.groupId,
    participant: facts.participant,
    kind: facts.kind,
    template_name: facts.templateName,
    template_language: facts.templateLanguage,
    template_category: facts.templateCategory,
    api: facts.api,
    referral_source_type: facts.referralSourceType,
    sent_at: facts.sentAt?.getTime() ?? null,
    delivered_at: facts.deliveredAt?.getTime() ?? null,
    read_at: facts.readAt?.getTime() ?? null,
    failed_at: facts.failedAt?.getTime() ?? null,
    meta_billable: facts.metaBillable,
    meta_pricing_type: facts.metaPricingType,
    meta_pricing_category: facts.metaPricingCategory,
    meta_pricing_model: facts.metaPricingModel,
    sequence_group: null,
    sequence_ordinal: null,
    charge_at: null,
    charge_fingerprint: null,
  };
}

/** PostgreSQL returns integers of some columns as strings; fixed in place (rows are ours). */
function normalizeRow(row: MessageRow): MessageRow {
  row.id = Number(row.id);
  if (row.sequence_ordinal !== null) row.sequence_ordinal = Number(row.sequence_ordinal);
  return row;
}

/** UTC calendar months overlapping [from, to), widened by the timezone margin. */
function utcMonthsBetween(from: Date, to: Date): string[] {
  const first = new Date(from.getTime() - TIMEZONE_MARGIN_MS).toISOString().slice(0, 7);
  const last = new Date(to.getTime() + TIMEZONE_MARGIN_MS).toISOString().slice(0, 7);
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  return months;
}
