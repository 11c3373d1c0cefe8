import type { DataSource } from 'typeorm';

export type SqlDialect = 'postgres' | 'sqlite';

export function sqlDialectOf(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * Collects the values of one raw query and hands out the driver's placeholder for each:
 * `$1, $2…` on PostgreSQL, `?` on SQLite. Values are never interpolated into SQL text.
 */
export class SqlParameters {
  readonly values: unknown[] = [];

  constructor(readonly dialect: SqlDialect) {}

  add(value: string | number): string {
    this.values.push(value);
    return this.dialect === 'postgres' ? `$${this.values.length}` : '?';
  }

  list(values: readonly (string | number)[]): string {
    return values.map((value) => this.add(value)).join(', ');
  }
}

/**
 * The exact sum of a bigint micro-unit column, as decimal text: SQLite sums integers in 64 bits
 * (and raises on overflow instead of going to floating point), PostgreSQL sums bigint as numeric.
 * Read the result with fromMicros; it never passes through a JS number.
 */
export function sumMicrosAsText(dialect: SqlDialect, expression = 'charge_amount_micros'): string {
  return dialect === 'postgres'
    ? `COALESCE(SUM(${expression}), 0)::text`
    : `CAST(COALESCE(SUM(${expression}), 0) AS TEXT)`;
}
