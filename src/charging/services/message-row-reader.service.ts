import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlDialect } from '../../database/sql-dialect';
import type { PendingMessage, PendingMessages } from '../../messages/utils/pending-messages.util';
import {
  CHARGE_CONTEXT_MS,
  MESSAGE_FACTS_COLUMNS,
  toMillis,
  type MessageFactsRow,
} from '../utils/engine-message-row.util';

/** A message as the charging reads it: its facts and where its stored charge placed it. */
export interface MessageRow extends MessageFactsRow {
  id: number;
  sequence_group: string | null;
  sequence_ordinal: number | null;
  charge_at: string | number | null;
  charge_fingerprint: string | null;
}

const STORED_CHARGE_COLUMNS = 'sequence_group, sequence_ordinal, charge_at, charge_fingerprint';
const ROW_COLUMNS = `${MESSAGE_FACTS_COLUMNS}, ${STORED_CHARGE_COLUMNS}`;

/**
 * Reads the messages the charging re-rates, stored ones and those a bulk import or webhook batch
 * holds in memory (`PendingMessages`) alike. Every row it returns has numeric `id` and
 * `sequence_ordinal`.
 */
@Injectable()
export class MessageRowReader {
  /** Rows read per chunk when re-rating a month (whole conversations; tests make it small). */
  conversationChunkRows = 20_000;
  private readonly sql: SqlDialect;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sql = new SqlDialect(dataSource);
  }

  /** The messages with these ids, held ones from `pending`, in no particular order. */
  async rowsByIds(ids: readonly number[], pending?: PendingMessages): Promise<MessageRow[]> {
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
   * The messages of the rows' conversations (from storage and from the held messages) sent from
   * 96 h before each conversation's earliest row to 96 h after its latest: what their charges
   * can depend on, and what can depend on them. The rows themselves are among them.
   */
  async conversationContext(
    rows: readonly MessageRow[],
    pending?: PendingMessages,
  ): Promise<MessageRow[]> {
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
    return context;
  }

  /**
   * The conversations of the WABAs (all when null) sent in [from, to), a chunk at a time: the
   * stored ones (with the held messages of the same conversations added), then the
   * conversations only held messages make up. No conversation is split between chunks.
   */
  async *monthChunks(
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

  /**
   * Messages of the WABAs (all when null) sent before `sentBefore` but delivered (or read) in
   * [deliveredFrom, deliveredTo): a phone offline for days is charged in its delivery month.
   */
  async lateDeliveries(
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

  /** Stored messages in [from, to) for the WABAs, a batch of whole conversations at a time. */
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
      for (const row of chunk) normalizeRow(row);
      yield chunk;
      if (rows.length < this.conversationChunkRows) return;
    }
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
