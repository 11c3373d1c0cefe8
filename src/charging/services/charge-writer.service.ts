import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SqlDialect, type ColumnKind } from '../../database/sql-dialect';
import {
  MESSAGE_ROW_COLUMNS,
  messageRowValues,
} from '../../messages/services/message-store.service';
import type { MessageFacts } from '../../messages/utils/message-facts';
import type { Charge } from '../../pricing/engine/engine.types';
import { money, toMicros } from '../../pricing/money';
import { isFreeReason } from '../../pricing/pricing.types';
import { ROLLUP_KEY_COLUMNS } from '../entities/charge-rollup.entity';

export interface ChargeWrite {
  id: number;
  charge: Charge;
  wabaId: string;
  portfolioId: string;
  phoneNumberId: string;
  origin: string;
  /** A message not stored yet: written whole, with these facts and its charge. */
  newMessage?: MessageFacts;
}

const CHARGE_COLUMNS: { name: string; kind: ColumnKind }[] = [
  { name: 'charge_billable', kind: 'boolean' },
  { name: 'charge_reason', kind: 'text' },
  { name: 'charge_pricing_category', kind: 'text' },
  { name: 'charge_market', kind: 'text' },
  { name: 'charge_country', kind: 'text' },
  { name: 'charge_rate_card_id', kind: 'text' },
  { name: 'charge_tier', kind: 'text' },
  { name: 'charge_rate', kind: 'text' },
  { name: 'charge_amount', kind: 'text' },
  { name: 'charge_amount_micros', kind: 'bigint' },
  { name: 'charge_currency', kind: 'text' },
  { name: 'charge_source', kind: 'text' },
  { name: 'charge_explanation', kind: 'text' },
  { name: 'estimate_billable', kind: 'boolean' },
  { name: 'estimate_reason', kind: 'text' },
  { name: 'estimate_pricing_category', kind: 'text' },
  { name: 'charge_at', kind: 'bigint' },
  { name: 'charge_month', kind: 'text' },
  { name: 'charge_day', kind: 'text' },
  { name: 'portfolio_id', kind: 'text' },
  { name: 'charge_origin', kind: 'text' },
  { name: 'sequence_group', kind: 'text' },
  { name: 'sequence_ordinal', kind: 'integer' },
  { name: 'charge_fingerprint', kind: 'text' },
];

const INSERT_COLUMNS: { name: string; kind: ColumnKind }[] = [
  { name: 'id', kind: 'integer' },
  ...MESSAGE_ROW_COLUMNS,
  ...CHARGE_COLUMNS,
];
const INSERT_OPTIONS = { returning: 'id', conflictTarget: ['phone_number_id', 'wamid'] };

interface RollupDelta {
  key: string[];
  messages: bigint;
  billable: bigint;
  free: bigint;
  micros: bigint;
}

type OldChargeRow = Record<string, string | number | boolean | null> & { id: number | string };

const ROLLUP_VALUE_COLUMNS = ['messages', 'billable_messages', 'free_messages', 'amount_micros'];

/**
 * Rewrites charges and keeps charge_rollups equal to their sums, in one transaction: the old
 * charge of each message is subtracted from its rollup row and the new one added.
 */
@Injectable()
export class ChargeWriter {
  private readonly sql: SqlDialect;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sql = new SqlDialect(dataSource);
  }

  /**
   * Writes the charges; new messages are inserted with theirs. Returns the ids of new messages
   * that could not be inserted because another writer stored the same message meanwhile.
   */
  async write(writes: readonly ChargeWrite[]): Promise<number[]> {
    if (writes.length === 0) return [];
    // In id order, rows are visited as they lie in the table.
    const ordered = [...writes].sort((a, b) => a.id - b.id);
    const changes = ordered.filter((write) => write.newMessage === undefined);
    const updates = changes.map((write) => ({ id: write.id, values: chargeValues(write) }));
    const inserts = ordered.filter((write) => write.newMessage !== undefined);
    const insertRows = inserts.map((write) => [
      write.id,
      ...messageRowValues(write.newMessage!),
      ...chargeValues(write),
    ]);
    const applied = (inserted: unknown[]): ChargeWrite[] => {
      const ids = new Set(inserted.map(Number));
      return ordered.filter((write) => write.newMessage === undefined || ids.has(write.id));
    };
    const refused = (inserted: unknown[]): number[] => {
      const ids = new Set(inserted.map(Number));
      return inserts.filter((write) => !ids.has(write.id)).map((write) => write.id);
    };
    const sqlite = this.sql.sqliteDatabase();
    if (sqlite !== null) {
      const select = (ids: number[]) =>
        this.sql
          .prepared(
            sqlite,
            oldChargesSql(ids.length, () => '?'),
          )
          .all(...ids) as OldChargeRow[];
      const upsert = this.sql.prepared(
        sqlite,
        upsertSql(1, () => '?'),
      );
      const prune = this.sql.prepared(
        sqlite,
        pruneSql(() => '?'),
      );
      const inserted = sqlite
        .transaction(() => {
          const stored = this.sql.insertManySqlite(
            sqlite,
            'messages',
            INSERT_COLUMNS,
            insertRows,
            INSERT_OPTIONS,
          );
          const old = chunked(
            changes.map((write) => write.id),
            500,
          ).flatMap(select);
          const deltas = rollupDeltas(old, applied(stored));
          this.sql.bulkUpdateSqlite(sqlite, 'messages', CHARGE_COLUMNS, updates);
          for (const delta of deltas) upsert.run(...delta.key, ...deltaValues(delta));
          for (const delta of deltas) if (delta.messages < 0n) prune.run(...delta.key);
          return stored;
        })
        .immediate();
      return refused(inserted);
    }
    return this.sql.dataSource.transaction(async (manager) => {
      const inserted = await this.sql.insertMany(
        'messages',
        INSERT_COLUMNS,
        insertRows,
        INSERT_OPTIONS,
        manager,
      );
      const old: OldChargeRow[] = [];
      for (const ids of chunked(
        changes.map((write) => write.id),
        20_000,
      )) {
        old.push(...((await manager.query(oldChargesPostgresSql, [ids])) as OldChargeRow[]));
      }
      const deltas = rollupDeltas(old, applied(inserted));
      await this.sql.bulkUpdate('messages', CHARGE_COLUMNS, updates, manager);
      await upsertPostgres(manager, deltas);
      for (const delta of deltas.filter((entry) => entry.messages < 0n)) {
        await manager.query(
          pruneSql((index) => `$${index}`),
          delta.key,
        );
      }
      return refused(inserted);
    });
  }
}

/** The charge columns of a write, in CHARGE_COLUMNS order, fingerprint last. */
function chargeValues(write: ChargeWrite): unknown[] {
  const values = chargeFacts(write);
  return [...values, fingerprintOf(values)];
}

/** Identifies a charge and where it is summed; equal fingerprints mean nothing to rewrite. */
export function chargeFingerprint(write: Omit<ChargeWrite, 'id'>): string {
  return fingerprintOf(chargeFacts(write));
}

function fingerprintOf(values: unknown[]): string {
  return createHash('md5').update(JSON.stringify(values)).digest('hex');
}

function chargeFacts(write: Omit<ChargeWrite, 'id'>): unknown[] {
  const { charge } = write;
  return [
    charge.billable,
    charge.reason,
    charge.pricingCategory,
    charge.market,
    charge.country,
    charge.rateCardId,
    charge.tier,
    charge.rate,
    charge.amount,
    toMicros(money(charge.amount)),
    charge.currency,
    charge.source,
    charge.explanation,
    charge.estimateBillable,
    charge.estimateReason,
    charge.estimatePricingCategory,
    charge.chargeAt,
    charge.month,
    charge.day,
    write.portfolioId,
    write.origin,
    charge.sequenceGroup,
    charge.sequenceOrdinal,
  ];
}

/** The key the stored charge was summed under: its origin as it was when charged. */
const OLD_KEY_SELECT = ROLLUP_KEY_COLUMNS.map((column) =>
  column === 'origin' ? 'charge_origin AS origin' : column,
).join(', ');

const oldChargesPostgresSql = `SELECT id, ${OLD_KEY_SELECT}, charge_billable,
  CAST(charge_amount_micros AS TEXT) AS micros
  FROM messages WHERE id = ANY($1::integer[]) AND charge_month IS NOT NULL
  ORDER BY id FOR UPDATE`;

function oldChargesSql(count: number, placeholder: (index: number) => string): string {
  const ids = Array.from({ length: count }, (_, index) => placeholder(index + 1)).join(', ');
  return `SELECT id, ${OLD_KEY_SELECT}, charge_billable, CAST(charge_amount_micros AS TEXT) AS micros
          FROM messages WHERE id IN (${ids}) AND charge_month IS NOT NULL`;
}

function upsertSql(rows: number, placeholder: (index: number) => string): string {
  const width = ROLLUP_KEY_COLUMNS.length + ROLLUP_VALUE_COLUMNS.length;
  const tuples = Array.from(
    { length: rows },
    (_, row) =>
      `(${Array.from({ length: width }, (_, column) => placeholder(row * width + column + 1)).join(', ')})`,
  );
  return `INSERT INTO charge_rollups (${[...ROLLUP_KEY_COLUMNS, ...ROLLUP_VALUE_COLUMNS].join(', ')})
          VALUES ${tuples.join(', ')}
          ON CONFLICT (${ROLLUP_KEY_COLUMNS.join(', ')}) DO UPDATE SET
          ${ROLLUP_VALUE_COLUMNS.map((column) => `${column} = charge_rollups.${column} + excluded.${column}`).join(', ')}`;
}

function pruneSql(placeholder: (index: number) => string): string {
  return `DELETE FROM charge_rollups WHERE ${ROLLUP_KEY_COLUMNS.map((column, index) => `${column} = ${placeholder(index + 1)}`).join(' AND ')} AND messages = 0`;
}

async function upsertPostgres(manager: EntityManager, deltas: RollupDelta[]): Promise<void> {
  const width = ROLLUP_KEY_COLUMNS.length + ROLLUP_VALUE_COLUMNS.length;
  const perStatement = Math.floor(60000 / width);
  for (const chunk of chunked(deltas, perStatement)) {
    await manager.query(
      upsertSql(chunk.length, (index) => `$${index}`),
      chunk.flatMap((delta) => [...delta.key, ...deltaValues(delta)]),
    );
  }
}

function deltaValues(delta: RollupDelta): string[] {
  return [delta.messages, delta.billable, delta.free, delta.micros].map((value) =>
    value.toString(),
  );
}

/** Old charges out, new charges in, netted per rollup key; keys that net to nothing are dropped. */
function rollupDeltas(old: readonly OldChargeRow[], writes: readonly ChargeWrite[]): RollupDelta[] {
  const deltas = new Map<string, RollupDelta>();
  const add = (key: string[], sign: bigint, billable: boolean, reason: string, micros: bigint) => {
    const id = key.join('\u0000');
    let delta = deltas.get(id);
    if (!delta) {
      delta = { key, messages: 0n, billable: 0n, free: 0n, micros: 0n };
      deltas.set(id, delta);
    }
    delta.messages += sign;
    if (billable) delta.billable += sign;
    if (isFreeReason(reason)) delta.free += sign;
    delta.micros += sign * micros;
  };
  for (const row of old) {
    const key = ROLLUP_KEY_COLUMNS.map((column) =>
      row[column] === null ? '' : String(row[column]),
    );
    add(
      key,
      -1n,
      row.charge_billable === true || Number(row.charge_billable) === 1,
      String(row.charge_reason),
      BigInt(String(row.micros)),
    );
  }
  for (const write of writes) {
    const { charge } = write;
    const values: Record<(typeof ROLLUP_KEY_COLUMNS)[number], string | null> = {
      waba_id: write.wabaId,
      portfolio_id: write.portfolioId,
      phone_number_id: write.phoneNumberId,
      charge_month: charge.month,
      charge_day: charge.day,
      charge_currency: charge.currency,
      charge_reason: charge.reason,
      charge_market: charge.market,
      charge_country: charge.country,
      charge_pricing_category: charge.pricingCategory,
      charge_tier: charge.tier,
      charge_rate: charge.rate,
      origin: write.origin,
    };
    const key = ROLLUP_KEY_COLUMNS.map((column) => values[column] ?? '');
    add(key, 1n, charge.billable, charge.reason, BigInt(toMicros(money(charge.amount))));
  }
  return [...deltas.values()].filter(
    (delta) =>
      delta.messages !== 0n || delta.billable !== 0n || delta.free !== 0n || delta.micros !== 0n,
  );
}

function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}
