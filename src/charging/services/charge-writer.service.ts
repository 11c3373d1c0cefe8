import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { SqlDialect, type ColumnKind } from '../../database/sql-dialect';
import { sqliteWriterData, WriterThread } from '../../database/writer-thread.util';
import { encodeSqliteValue } from '../../database/sqlite-values.util';
import {
  MESSAGE_ROW_COLUMNS,
  messageRowValues,
} from '../../messages/services/message-store.service';
import type { MessageFacts } from '../../messages/utils/message-facts';
import type { Charge } from '../../pricing/engine/engine.types';
import { money, toMicros } from '../../pricing/money';
import {
  chunked,
  contributionColumns,
  deltaValues,
  netRollupDeltas,
  pruneRollupSql,
  ROLLUP_KEY_COLUMNS,
  rowContribution,
  ROLLUP_VALUE_COLUMNS,
  storedChargeContribution,
  storedChargesPostgresSql,
  upsertRollupsSql,
  type RollupContribution,
  type RollupDelta,
  type StoredChargeRow,
} from '../utils/charge-rollups.util';
import { fingerprintOf } from '../utils/charge-fingerprint.util';
import {
  SqliteChargePlanWriter,
  type ChargeWriterWorkerData,
  type SqliteChargePlan,
} from '../utils/sqlite-charge-plan.util';

export interface ChargeWrite {
  id: number;
  charge: Charge;
  wabaId: string;
  portfolioId: string;
  phoneNumberId: string;
  origin: string;
  /** A message not stored yet: written whole, with these facts and its charge. */
  newMessage?: MessageFacts;
  /** With `newMessage`: `id` is provisional, and the row id is given when the row is written. */
  rowIdOnWrite?: boolean;
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

const PLAN_COLUMNS = {
  insert: INSERT_COLUMNS.map((column) => column.name),
  update: CHARGE_COLUMNS.map((column) => column.name),
};
const INSERT_CONTRIBUTION = contributionColumns(PLAN_COLUMNS.insert);
const UPDATE_CONTRIBUTION = contributionColumns(PLAN_COLUMNS.update);

/**
 * Rewrites charges and keeps charge_rollups equal to their sums, in one transaction: the old
 * charge of each message is subtracted from its rollup row and the new one added. On a SQLite
 * file the transaction runs on a writer thread with its own connection, so the main thread
 * charges the next batch meanwhile; on PostgreSQL the database server does that work.
 */
@Injectable()
export class ChargeWriter implements OnApplicationShutdown {
  private readonly sql: SqlDialect;
  private readonly thread: WriterThread<Uint8Array, number[]>;
  private mainThreadWriter: SqliteChargePlanWriter | null = null;
  /**
   * From how many new messages a PostgreSQL write tries a plain insert first (see
   * `insertNewMessages`): below it, the savepoint's two round trips cost more than they save.
   */
  plainInsertFrom = 1_000;

  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.sql = new SqlDialect(dataSource);
    const sqliteData = this.sql.postgres ? null : sqliteWriterData(config.sqliteFile);
    const workerData: ChargeWriterWorkerData | null =
      sqliteData === null ? null : { ...sqliteData, columns: PLAN_COLUMNS };
    this.thread = new WriterThread(workerData, {
      directory: join(__dirname, '..', 'workers'),
      name: 'charge-writer.worker',
      description: "the charge writer's thread",
    });
  }

  /**
   * How many `write` calls may be under way at once: the writer thread takes them in order, so
   * it can be handed the next batch while it writes one; PostgreSQL runs two transactions side
   * by side (their rollup upserts go in key order, so the second waits for the rows the first
   * holds rather than deadlocking). The main connection of a SQLite database in memory writes
   * one at a time.
   */
  writesUnderWay(): number {
    return this.thread.available || this.sql.postgres ? 2 : 1;
  }

  /**
   * Writes the charges; new messages are inserted with theirs. Returns the ids (as given in
   * `writes`) of new messages that could not be inserted because another writer stored the same
   * message meanwhile.
   */
  async write(writes: readonly ChargeWrite[]): Promise<number[]> {
    if (writes.length === 0) return [];
    // Rows are visited in id order, as they lie in the table; new rows whose id is given on
    // write are appended in the order they come, so their ids follow that order.
    const byId = (a: ChargeWrite, b: ChargeWrite) => a.id - b.id;
    const changes = writes.filter((write) => write.newMessage === undefined).sort(byId);
    const news = [
      ...writes.filter((write) => write.newMessage !== undefined && !write.rowIdOnWrite).sort(byId),
      ...writes.filter((write) => write.rowIdOnWrite === true),
    ];
    const sqlite = this.sql.sqliteDatabase();
    if (sqlite !== null) {
      const plan: SqliteChargePlan = {
        inserts: news.map((write) =>
          encodedForSqlite(
            messageRowValues(write.newMessage!, [write.rowIdOnWrite ? null : write.id]).concat(
              chargeValues(write),
            ),
          ),
        ),
        updates: changes.map((write) => encodedForSqlite(chargeValues(write).concat(write.id))),
        updateOwners: changes.map((write) => [write.wabaId, write.phoneNumberId]),
      };
      let refused: number[];
      if (this.thread.available) {
        const serialised = serialize(plan);
        // v8 gives the serialised plan a buffer of its own: it is handed over, not copied.
        const owned =
          serialised.byteOffset === 0 && serialised.buffer.byteLength === serialised.length;
        refused = await this.thread.request(
          serialised,
          owned ? [serialised.buffer as ArrayBuffer] : [],
        );
      } else {
        this.mainThreadWriter ??= new SqliteChargePlanWriter(sqlite, PLAN_COLUMNS);
        refused = this.mainThreadWriter.apply(plan);
      }
      return refused.map((index) => news[index].id);
    }
    const given = await this.sql.reserveIds(
      'messages',
      news.filter((write) => write.rowIdOnWrite).length,
    );
    let nextGiven = 0;
    const rowIds = news.map((write) => (write.rowIdOnWrite ? given[nextGiven++] : write.id));
    const inserts = news.map((write, index) => [
      rowIds[index],
      ...messageRowValues(write.newMessage!),
      ...chargeValues(write),
    ]);
    const updates = changes.map((write) => ({ write, values: chargeValues(write) }));
    return this.sql.dataSource.transaction(async (manager) => {
      const inserted = new Set(
        (
          await insertNewMessages(
            this.sql,
            manager,
            inserts,
            inserts.length >= this.plainInsertFrom,
          )
        ).map(Number),
      );
      const removed: RollupContribution[] = [];
      for (const ids of chunked(
        changes.map((write) => write.id),
        20_000,
      )) {
        const rows = (await manager.query(storedChargesPostgresSql, [ids])) as StoredChargeRow[];
        removed.push(...rows.map(storedChargeContribution));
      }
      await this.sql.bulkUpdate(
        'messages',
        CHARGE_COLUMNS,
        updates.map(({ write, values }) => ({ id: write.id, values })),
        manager,
      );
      const added = [
        ...inserts
          .filter((row) => inserted.has(row[0] as number))
          .map((row) => rowContribution(row, INSERT_CONTRIBUTION)),
        ...updates.map(({ write, values }) =>
          rowContribution(values, UPDATE_CONTRIBUTION, {
            waba_id: write.wabaId,
            phone_number_id: write.phoneNumberId,
          }),
        ),
      ];
      const deltas = netRollupDeltas(removed, added);
      await upsertPostgres(manager, deltas);
      for (const delta of deltas.filter((entry) => entry.messages < 0n)) {
        await manager.query(
          pruneRollupSql((index) => `$${index}`),
          delta.key,
        );
      }
      return news.filter((_, index) => !inserted.has(rowIds[index])).map((write) => write.id);
    });
  }

  onApplicationShutdown(): Promise<void> {
    return this.thread.close();
  }
}

/** Values as SQLite stores them, in place. */
function encodedForSqlite(row: unknown[]): unknown[] {
  for (let index = 0; index < row.length; index += 1) row[index] = encodeSqliteValue(row[index]);
  return row;
}

/** The charge columns of a write, in CHARGE_COLUMNS order, fingerprint last. */
function chargeValues(write: ChargeWrite): unknown[] {
  const values = chargeFacts(write);
  values.push(fingerprintOf(values));
  return values;
}

/** Identifies a charge and where it is summed; equal fingerprints mean nothing to rewrite. */
export function chargeFingerprint(write: Omit<ChargeWrite, 'id'>): string {
  return fingerprintOf(chargeFacts(write));
}

/** The charge facts of a write: its charge columns but the fingerprint. */
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

/**
 * Inserts new messages with their charges on PostgreSQL; returns the ids inserted. `plainFirst`:
 * a plain insert first, since ON CONFLICT looks each row up in the unique index before inserting
 * it (a tenth of the server's time for a bulk import's million rows); only when another writer
 * stored one of the messages meanwhile does the batch go again, skipping those.
 */
async function insertNewMessages(
  sql: SqlDialect,
  manager: EntityManager,
  rows: unknown[][],
  plainFirst: boolean,
): Promise<unknown[]> {
  if (rows.length === 0) return [];
  if (!plainFirst) return sql.insertMany('messages', INSERT_COLUMNS, rows, INSERT_OPTIONS, manager);
  await manager.query('SAVEPOINT new_messages');
  try {
    const ids = await sql.insertMany(
      'messages',
      INSERT_COLUMNS,
      rows,
      { returning: 'id' },
      manager,
    );
    await manager.query('RELEASE SAVEPOINT new_messages');
    return ids;
  } catch (error) {
    if ((error as { code?: unknown }).code !== POSTGRES_UNIQUE_VIOLATION) throw error;
    await manager.query('ROLLBACK TO SAVEPOINT new_messages');
    return sql.insertMany('messages', INSERT_COLUMNS, rows, INSERT_OPTIONS, manager);
  }
}

const POSTGRES_UNIQUE_VIOLATION = '23505';

async function upsertPostgres(manager: EntityManager, deltas: RollupDelta[]): Promise<void> {
  const width = ROLLUP_KEY_COLUMNS.length + ROLLUP_VALUE_COLUMNS.length;
  const perStatement = Math.floor(60000 / width);
  for (const chunk of chunked(deltas, perStatement)) {
    await manager.query(
      upsertRollupsSql(chunk.length, (index) => `$${index}`),
      chunk.flatMap((delta) => [...delta.key, ...deltaValues(delta)]),
    );
  }
}
