import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlDialect, type ColumnKind } from '../../database/sql-dialect';
import { applyFact, type MessageFact, type MessageFacts } from '../utils/message-facts';
import { ContactLinks } from './contact-links.service';
import type { PendingMessages } from '../utils/pending-messages.util';

export interface KeyedFact {
  wamid: string;
  phoneNumberId: string;
  wabaId: string;
  fact: MessageFact;
}

const FACT_COLUMNS: { name: string; field: keyof MessageFacts; kind: ColumnKind }[] = [
  { name: 'waba_id', field: 'wabaId', kind: 'text' },
  { name: 'direction', field: 'direction', kind: 'text' },
  { name: 'origin', field: 'origin', kind: 'text' },
  { name: 'contact', field: 'contact', kind: 'text' },
  { name: 'contact_user_id', field: 'contactUserId', kind: 'text' },
  { name: 'contact_country', field: 'contactCountry', kind: 'text' },
  { name: 'group_id', field: 'groupId', kind: 'text' },
  { name: 'participant', field: 'participant', kind: 'text' },
  { name: 'kind', field: 'kind', kind: 'text' },
  { name: 'message_type', field: 'messageType', kind: 'text' },
  { name: 'template_name', field: 'templateName', kind: 'text' },
  { name: 'template_language', field: 'templateLanguage', kind: 'text' },
  { name: 'template_category', field: 'templateCategory', kind: 'text' },
  { name: 'api', field: 'api', kind: 'text' },
  { name: 'referral_source_type', field: 'referralSourceType', kind: 'text' },
  { name: 'referral_source_id', field: 'referralSourceId', kind: 'text' },
  { name: 'ctwa_clid', field: 'ctwaClid', kind: 'text' },
  { name: 'sent_at', field: 'sentAt', kind: 'bigint' },
  { name: 'delivered_at', field: 'deliveredAt', kind: 'bigint' },
  { name: 'read_at', field: 'readAt', kind: 'bigint' },
  { name: 'failed_at', field: 'failedAt', kind: 'bigint' },
  { name: 'status', field: 'status', kind: 'text' },
  { name: 'error_code', field: 'errorCode', kind: 'integer' },
  { name: 'meta_billable', field: 'metaBillable', kind: 'boolean' },
  { name: 'meta_pricing_type', field: 'metaPricingType', kind: 'text' },
  { name: 'meta_pricing_category', field: 'metaPricingCategory', kind: 'text' },
  { name: 'meta_pricing_model', field: 'metaPricingModel', kind: 'text' },
  { name: 'meta_pricing_status', field: 'metaPricingStatus', kind: 'text' },
  { name: 'in_send_log', field: 'inSendLog', kind: 'boolean' },
];

/** The columns of a message row without its charge, in the order of messageRowValues. */
export const MESSAGE_ROW_COLUMNS: { name: string; kind: ColumnKind }[] = [
  { name: 'wamid', kind: 'text' },
  { name: 'phone_number_id', kind: 'text' },
  ...FACT_COLUMNS.map((column) => ({ name: column.name, kind: column.kind })),
];

/** The values of MESSAGE_ROW_COLUMNS, appended to `row` (a new array by default). */
export function messageRowValues(facts: MessageFacts, row: unknown[] = []): unknown[] {
  row.push(facts.wamid, facts.phoneNumberId);
  for (const column of FACT_COLUMNS) row.push(facts[column.field]);
  return row;
}

type StoredRow = Record<string, unknown> & {
  id: number | string;
  wamid: string;
  phone_number_id: string;
};

/** Merges facts into message rows; returns the ids of rows that are new or changed. */
@Injectable()
export class MessageStore {
  private readonly sql: SqlDialect;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly contactLinks: ContactLinks,
  ) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Returns the ids of rows that are new or changed, and of every row the facts touched. With
   * `pending`, new messages are held there (ids reserved, nothing written) while it has room,
   * and facts about messages it holds are merged in memory.
   */
  async applyFacts(
    facts: readonly KeyedFact[],
    pending?: PendingMessages,
  ): Promise<{ changed: number[]; touched: number[] }> {
    if (facts.length === 0) return { changed: [], touched: [] };
    const linked = await this.contactLinks.resolve(facts, pending);
    facts = linked.facts;
    const held = new Set<number>();
    const unheld: KeyedFact[] = [];
    for (const item of facts) {
      const message = pending?.get(item.phoneNumberId, item.wamid);
      if (message === undefined) {
        unheld.push(item);
        continue;
      }
      const contact = message.facts.contact;
      message.facts = applyFact(message.facts, item, item.fact);
      if (message.facts.contact !== contact) pending!.changed();
      held.add(message.id);
    }
    const existing = await this.loadExisting(unheld);
    const merged = new Map<
      string,
      { id: number | null; before: string | null; row: MessageFacts | null }
    >();
    for (const item of unheld) {
      const key = `${item.phoneNumberId}|${item.wamid}`;
      let entry = merged.get(key);
      if (!entry) {
        const stored = existing.get(key);
        const row = stored ? rowToFacts(stored) : null;
        entry = {
          id: stored ? Number(stored.id) : null,
          before: row ? JSON.stringify(row) : null,
          row,
        };
        merged.set(key, entry);
      }
      entry.row = applyFact(entry.row, item, item.fact);
    }
    let inserts = [...merged.values()].filter((entry) => entry.id === null);
    if (pending && pending.room() > 0 && inserts.length > 0) {
      const holding = inserts.slice(0, pending.room());
      inserts = inserts.slice(holding.length);
      const ids = await pending.takeIds(holding.length, (count) =>
        this.sql.reserveIds('messages', count),
      );
      for (const [index, entry] of holding.entries()) {
        pending.add({ id: ids[index], facts: entry.row! });
        held.add(ids[index]);
      }
    }
    const updates = [...merged.values()].filter(
      (entry) => entry.id !== null && JSON.stringify(entry.row) !== entry.before,
    );
    const insertedIds = await this.sql.insertMany(
      'messages',
      MESSAGE_ROW_COLUMNS,
      inserts.map(({ row }) => messageRowValues(row!)),
      { returning: 'id' },
    );
    await this.sql.bulkUpdate(
      'messages',
      FACT_COLUMNS.map((column) => ({ name: column.name, kind: column.kind })),
      updates.map(({ id, row }) => ({
        id: id!,
        values: FACT_COLUMNS.map((column) => row![column.field]),
      })),
    );
    const changed = [
      ...new Set([
        ...updates.map((entry) => entry.id!),
        ...insertedIds.map(Number),
        ...held,
        ...linked.relinked,
      ]),
    ];
    const unchanged = [...merged.values()]
      .filter((entry) => entry.id !== null)
      .map((entry) => entry.id!);
    return { changed, touched: [...new Set([...changed, ...unchanged])] };
  }

  private async loadExisting(
    keys: readonly { wamid: string; phoneNumberId: string }[],
  ): Promise<Map<string, StoredRow>> {
    const unique = new Map(keys.map((key) => [`${key.phoneNumberId}|${key.wamid}`, key]));
    const pairs = [...unique.values()];
    const result = new Map<string, StoredRow>();
    const columns = [
      'id',
      'wamid',
      'phone_number_id',
      ...FACT_COLUMNS.map((column) => column.name),
    ].join(', ');
    // Looked up by wamid (indexed with the phone number); the pair is checked in memory.
    for (let start = 0; start < pairs.length; start += 1000) {
      const chunk = pairs.slice(start, start + 1000);
      const rows: StoredRow[] = await this.sql.query(
        `SELECT ${columns} FROM messages WHERE wamid IN (${this.sql.params(1, chunk.length)})`,
        chunk.map((pair) => pair.wamid),
      );
      for (const row of rows) {
        const key = `${row.phone_number_id}|${row.wamid}`;
        if (unique.has(key)) result.set(key, row);
      }
    }
    return result;
  }
}

function rowToFacts(row: StoredRow): MessageFacts {
  const facts: Record<string, unknown> = { wamid: row.wamid, phoneNumberId: row.phone_number_id };
  for (const column of FACT_COLUMNS) {
    const value = row[column.name];
    if (value === null || value === undefined) facts[column.field] = null;
    else if (column.kind === 'bigint') facts[column.field] = new Date(Number(value));
    else if (column.kind === 'boolean') facts[column.field] = Boolean(value);
    else if (column.kind === 'integer') facts[column.field] = Number(value);
    else facts[column.field] = value;
  }
  return facts as unknown as MessageFacts;
}
