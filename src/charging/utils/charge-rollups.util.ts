import { isFreeReason } from '../../pricing/pricing.types';

export const ROLLUP_KEY_COLUMNS = [
  'waba_id',
  'portfolio_id',
  'phone_number_id',
  'charge_month',
  'charge_day',
  'charge_currency',
  'charge_reason',
  'charge_market',
  'charge_country',
  'charge_pricing_category',
  'charge_tier',
  'charge_rate',
  'origin',
] as const;

export const ROLLUP_VALUE_COLUMNS = [
  'messages',
  'billable_messages',
  'free_messages',
  'amount_micros',
] as const;

/** One charge's part in its rollup row. */
export interface RollupContribution {
  key: string[];
  billable: boolean;
  free: boolean;
  micros: bigint;
}

export interface RollupDelta {
  key: string[];
  messages: bigint;
  billable: bigint;
  free: bigint;
  micros: bigint;
}

/** A stored charge as `storedChargesSql` reads it: its rollup key, billable flag and amount. */
export type StoredChargeRow = Record<string, string | number | boolean | null> & {
  id: number | string;
};

/**
 * The message column each rollup key column is read from: a charge is summed under the origin
 * it was charged with (`charge_origin`), which a later fact may change on the message.
 */
const KEY_SOURCES = ROLLUP_KEY_COLUMNS.map((column) =>
  column === 'origin' ? 'charge_origin' : column,
);

function storedChargesSelect(idsCondition: string): string {
  const keys = ROLLUP_KEY_COLUMNS.map((column, index) =>
    KEY_SOURCES[index] === column ? column : `${KEY_SOURCES[index]} AS ${column}`,
  ).join(', ');
  return `SELECT id, ${keys}, charge_billable, CAST(charge_amount_micros AS TEXT) AS micros
          FROM messages WHERE ${idsCondition} AND charge_month IS NOT NULL`;
}

/** The stored charges of messages `$1` (an array of ids), locked until the transaction ends. */
export const storedChargesPostgresSql = `${storedChargesSelect('id = ANY($1::integer[])')}
  ORDER BY id FOR UPDATE`;

/** The stored charges of `count` messages given as `?` parameters. */
export function storedChargesSqliteSql(count: number): string {
  return storedChargesSelect(`id IN (${Array.from({ length: count }, () => '?').join(', ')})`);
}

/** Where a written row's rollup key, billable flag, reason and amount are. */
export interface ContributionColumns {
  key: (number | null)[];
  billable: number;
  reason: number;
  micros: number;
}

/** Finds them among the columns a write lists; key columns it lacks are left null. */
export function contributionColumns(columns: readonly string[]): ContributionColumns {
  const at = (name: string) => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`a charge write has no ${name} column`);
    return index;
  };
  return {
    key: KEY_SOURCES.map((source) => {
      const index = columns.indexOf(source);
      return index < 0 ? null : index;
    }),
    billable: at('charge_billable'),
    reason: at('charge_reason'),
    micros: at('charge_amount_micros'),
  };
}

/**
 * A written row's part in its rollup row, read off its values (booleans as true/false or 1/0,
 * micro-units as text); key columns the row lacks come from `owner`.
 */
export function rowContribution(
  row: readonly unknown[],
  columns: ContributionColumns,
  owner: Partial<Record<(typeof ROLLUP_KEY_COLUMNS)[number], string>> = {},
): RollupContribution {
  return {
    key: ROLLUP_KEY_COLUMNS.map((column, index) => {
      const at = columns.key[index];
      // Key columns hold text or null.
      const value = (at === null ? owner[column] : row[at]) as string | null | undefined;
      return value ?? '';
    }),
    billable: Number(row[columns.billable]) === 1,
    free: isFreeReason(row[columns.reason] as string),
    micros: BigInt(row[columns.micros] as string),
  };
}

export function storedChargeContribution(row: StoredChargeRow): RollupContribution {
  return {
    key: ROLLUP_KEY_COLUMNS.map((column) => (row[column] === null ? '' : String(row[column]))),
    billable: row.charge_billable === true || Number(row.charge_billable) === 1,
    free: isFreeReason(String(row.charge_reason)),
    micros: BigInt(String(row.micros)),
  };
}

/** Removed charges out, added charges in, netted per key; keys that net to nothing are dropped. */
export function netRollupDeltas(
  removed: readonly RollupContribution[],
  added: readonly RollupContribution[],
): RollupDelta[] {
  const deltas = new Map<string, RollupDelta>();
  const add = (contribution: RollupContribution, sign: bigint) => {
    const id = contribution.key.join('\u0000');
    let delta = deltas.get(id);
    if (!delta) {
      delta = { key: contribution.key, messages: 0n, billable: 0n, free: 0n, micros: 0n };
      deltas.set(id, delta);
    }
    delta.messages += sign;
    if (contribution.billable) delta.billable += sign;
    if (contribution.free) delta.free += sign;
    delta.micros += sign * contribution.micros;
  };
  for (const contribution of removed) add(contribution, -1n);
  for (const contribution of added) add(contribution, 1n);
  // In key order: two PostgreSQL transactions writing charges at once then lock the rollup rows
  // they share in the same order, so one waits for the other instead of deadlocking.
  return [...deltas.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, delta]) => delta)
    .filter(
      (delta) =>
        delta.messages !== 0n || delta.billable !== 0n || delta.free !== 0n || delta.micros !== 0n,
    );
}

export function deltaValues(delta: RollupDelta): string[] {
  return [delta.messages, delta.billable, delta.free, delta.micros].map((value) =>
    value.toString(),
  );
}

export function upsertRollupsSql(rows: number, placeholder: (index: number) => string): string {
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

export function pruneRollupSql(placeholder: (index: number) => string): string {
  return `DELETE FROM charge_rollups WHERE ${ROLLUP_KEY_COLUMNS.map((column, index) => `${column} = ${placeholder(index + 1)}`).join(' AND ')} AND messages = 0`;
}

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    chunks.push(items.slice(start, start + size));
  return chunks;
}
