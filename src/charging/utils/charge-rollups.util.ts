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

/** The key the stored charge was summed under: its origin as it was when charged. */
const STORED_KEY_SELECT = ROLLUP_KEY_COLUMNS.map((column) =>
  column === 'origin' ? 'charge_origin AS origin' : column,
).join(', ');

export const storedChargesPostgresSql = `SELECT id, ${STORED_KEY_SELECT}, charge_billable,
  CAST(charge_amount_micros AS TEXT) AS micros
  FROM messages WHERE id = ANY($1::integer[]) AND charge_month IS NOT NULL
  ORDER BY id FOR UPDATE`;

export function storedChargesSql(count: number, placeholder: (index: number) => string): string {
  const ids = Array.from({ length: count }, (_, index) => placeholder(index + 1)).join(', ');
  return `SELECT id, ${STORED_KEY_SELECT}, charge_billable, CAST(charge_amount_micros AS TEXT) AS micros
          FROM messages WHERE id IN (${ids}) AND charge_month IS NOT NULL`;
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
  return [...deltas.values()].filter(
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
