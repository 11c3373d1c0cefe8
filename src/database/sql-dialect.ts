import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { encodeSqliteValue } from './sqlite-values.util';

export type ColumnKind = 'text' | 'bigint' | 'integer' | 'boolean';

const POSTGRES_MAX_PARAMETERS = 65_535;

/** Placeholders and casts that differ between SQLite and PostgreSQL. */
export class SqlDialect {
  readonly postgres: boolean;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  param(index: number): string {
    return this.postgres ? `$${index}` : '?';
  }

  params(from: number, count: number): string {
    return Array.from({ length: count }, (_, offset) => this.param(from + offset)).join(', ');
  }

  /** Binary string comparison, so ordering by wamid matches JavaScript on both drivers. */
  binary(column: string): string {
    return this.postgres ? `${column} COLLATE "C"` : column;
  }

  /**
   * Updates many rows by primary key in one statement per chunk:
   * UPDATE t SET c = v.c FROM (the rows) v WHERE t.id = v.id.
   */
  async bulkUpdate(
    table: string,
    columns: { name: string; kind: ColumnKind }[],
    rows: { id: number; values: unknown[] }[],
    manager?: PostgresQueryRunner,
  ): Promise<void> {
    if (rows.length === 0) return;
    const sqlite = this.sqliteDatabase();
    if (sqlite !== null) {
      sqlite.transaction(() => this.bulkUpdateSqlite(sqlite, table, columns, rows)).immediate();
      return;
    }
    const runner = manager ?? this.dataSource;
    for (let start = 0; start < rows.length; start += 20_000) {
      const chunk = rows.slice(start, start + 20_000);
      await runner.query(
        `UPDATE ${table} AS t SET ${columns.map((c) => `${c.name} = v.${c.name}`).join(', ')}
           FROM ${jsonRowsSource([{ name: 'id', kind: 'integer' }, ...columns])} AS v
          WHERE t.id = v.id`,
        [postgresJsonRows(chunk.map((row) => [row.id, ...row.values]))],
      );
    }
  }

  /**
   * Inserts many rows; returns, for each inserted row, the value of `returning` ('id' gives the
   * new row id). Rows ignored by `conflictTarget` are left out.
   */
  async insertMany(
    table: string,
    columns: { name: string; kind: ColumnKind }[],
    rows: unknown[][],
    options: { returning: string; conflictTarget?: string[] },
    manager?: PostgresQueryRunner,
  ): Promise<unknown[]> {
    if (rows.length === 0) return [];
    const sqlite = this.sqliteDatabase();
    if (sqlite !== null) {
      return sqlite
        .transaction(() => this.insertManySqlite(sqlite, table, columns, rows, options))
        .immediate();
    }
    return insertManyPostgres(manager ?? this.dataSource, table, columns, rows, options);
  }

  /**
   * Reserves `count` new ids of a table's serial id column, so rows can be written later with
   * ids no other writer will take.
   */
  async reserveIds(table: string, count: number): Promise<number[]> {
    if (count === 0) return [];
    const sqlite = this.sqliteDatabase();
    if (sqlite === null) {
      // The sequence is looked up once (in a function call per row, the look-up took seven
      // eighths of the time), and the ids come back as one text rather than a row each.
      const [{ ids }]: { ids: string }[] = await this.dataSource.query(
        `WITH sequence AS MATERIALIZED (SELECT pg_get_serial_sequence($1, 'id')::regclass AS id),
              taken AS MATERIALIZED (SELECT nextval(sequence.id) AS id FROM sequence, generate_series(1, $2))
         SELECT string_agg(id::text, ',' ORDER BY id) AS ids FROM taken`,
        [table, count],
      );
      return ids.split(',').map(Number);
    }
    // AUTOINCREMENT never reuses an id below sqlite_sequence: raising it reserves the range.
    const first = sqlite
      .transaction(() => {
        const sequence = this.prepared(
          sqlite,
          'SELECT seq FROM sqlite_sequence WHERE name = ?',
        ).get(table) as { seq: number } | undefined;
        const { max } = this.prepared(sqlite, `SELECT MAX(id) AS max FROM ${table}`).get() as {
          max: number | null;
        };
        const base = Math.max(sequence?.seq ?? 0, max ?? 0);
        this.prepared(
          sqlite,
          sequence === undefined
            ? 'INSERT INTO sqlite_sequence (seq, name) VALUES (?, ?)'
            : 'UPDATE sqlite_sequence SET seq = ? WHERE name = ?',
        ).run(base + count, table);
        return base + 1;
      })
      .immediate();
    return Array.from({ length: count }, (_, offset) => first + offset);
  }

  /** insertMany on SQLite, synchronously; the caller holds the transaction. */
  private insertManySqlite(
    sqlite: BetterSqlite3.Database,
    table: string,
    columns: { name: string; kind: ColumnKind }[],
    rows: unknown[][],
    options: { returning: string; conflictTarget?: string[] },
  ): unknown[] {
    const names = columns.map((column) => column.name);
    const statement = this.prepared(
      sqlite,
      `INSERT ${options.conflictTarget ? 'OR IGNORE ' : ''}INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    );
    const returningIndex = names.indexOf(options.returning);
    const returned: unknown[] = [];
    for (const row of rows) {
      const info = statement.run(...row.map((value) => this.encode(value)));
      if (info.changes === 0) continue;
      returned.push(returningIndex >= 0 ? row[returningIndex] : Number(info.lastInsertRowid));
    }
    return returned;
  }

  /** SQLite's fastest path: one prepared UPDATE per row; the caller holds the transaction. */
  private bulkUpdateSqlite(
    sqlite: BetterSqlite3.Database,
    table: string,
    columns: { name: string; kind: ColumnKind }[],
    rows: { id: number; values: unknown[] }[],
  ): void {
    const statement = this.prepared(
      sqlite,
      `UPDATE ${table} SET ${columns.map((column) => `${column.name} = ?`).join(', ')} WHERE id = ?`,
    );
    for (const row of rows) statement.run(...row.values.map((value) => this.encode(value)), row.id);
  }

  /**
   * Runs a query; on SQLite through a cached prepared statement (TypeORM prepares every call),
   * on PostgreSQL through TypeORM.
   */
  async query<T>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    const sqlite = this.sqliteDatabase();
    if (sqlite === null) return (await this.dataSource.query(sql, parameters)) as T[];
    const statement = this.prepared(sqlite, sql);
    const values = parameters.map((value) => this.encode(value));
    if (statement.reader) return statement.all(...values) as T[];
    statement.run(...values);
    return [];
  }

  /** A prepared SQLite statement, prepared once per dialect instance. */
  prepared(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      // IN lists of many lengths make many texts: keep the cache bounded.
      if (this.statements.size >= 1000) this.statements.clear();
      statement = sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** The better-sqlite3 connection behind TypeORM, when the store is SQLite. */
  sqliteDatabase(): BetterSqlite3.Database | null {
    if (this.postgres) return null;
    const driver = this.dataSource.driver as unknown as {
      databaseConnection?: BetterSqlite3.Database;
    };
    return driver.databaseConnection ?? null;
  }

  encode(value: unknown): unknown {
    return this.postgres ? encodePostgresValue(value) : encodeSqliteValue(value);
  }
}

/** A connection's (or transaction's) query function, as TypeORM and `pg` both offer it. */
export interface PostgresQueryRunner {
  query(sql: string, parameters: unknown[]): Promise<unknown>;
}

/** `SqlDialect.insertMany` on PostgreSQL, through any runner (a thread's own `pg` client too). */
export async function insertManyPostgres(
  runner: PostgresQueryRunner,
  table: string,
  columns: { name: string; kind: ColumnKind }[],
  rows: unknown[][],
  options: { returning: string; conflictTarget?: string[] },
): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const names = columns.map((column) => column.name);
  const conflict = options.conflictTarget
    ? `ON CONFLICT (${options.conflictTarget.join(', ')}) DO NOTHING`
    : '';
  // Rows that fit in one statement's parameters go as a VALUES list: for a few rows (a webhook
  // group commit) that cost the client half the CPU of a JSON document. Tens of thousands of
  // wide rows (a bulk import's messages) went faster as JSON: 40 s against 68 s in chunks of
  // parameters, for 200,000 imported messages.
  if (rows.length * names.length <= POSTGRES_MAX_PARAMETERS) {
    const parameters: unknown[] = [];
    const tuples = rows.map((row) => {
      const first = parameters.length;
      for (const value of row) parameters.push(encodePostgresValue(value));
      return `(${names.map((_, index) => `$${first + index + 1}`).join(', ')})`;
    });
    const result = (await runner.query(
      `INSERT INTO ${table} (${names.join(', ')}) VALUES ${tuples.join(', ')}
         ${conflict} RETURNING ${options.returning}`,
      parameters,
    )) as Record<string, unknown>[];
    return result.map((row) => row[options.returning]);
  }
  const returned: unknown[] = [];
  for (let start = 0; start < rows.length; start += 20_000) {
    const chunk = rows.slice(start, start + 20_000);
    const result = (await runner.query(
      `INSERT INTO ${table} (${names.join(', ')})
         SELECT ${names.join(', ')} FROM ${jsonRowsSource(columns)} AS v
         ${conflict} RETURNING ${options.returning}`,
      [postgresJsonRows(chunk)],
    )) as Record<string, unknown>[];
    returned.push(...result.map((row) => row[options.returning]));
  }
  return returned;
}

/** Rows as one JSON document, each row an array of its values (read by `jsonRowsSource`). */
function postgresJsonRows(rows: unknown[][]): string {
  return JSON.stringify(rows.map((row) => row.map(encodePostgresValue)));
}

function encodePostgresValue(value: unknown): unknown {
  return value instanceof Date ? value.getTime() : value;
}

/**
 * The rows of a `postgresJsonRows` document ($1) as a derived table with the columns' names and
 * types. Arrays cost both sides less than one object per row for json_to_recordset: for 12,500
 * messages the client built the document in 61 ms instead of 250 ms (8 MB instead of 18 MB) and
 * the server read every column in 290 ms instead of 515 ms. `jsonb`, since `->>` on `json`
 * parses the array again for each column (3.8 s for the same rows).
 */
function jsonRowsSource(columns: { name: string; kind: ColumnKind }[]): string {
  const values = columns.map(
    (column, index) => `(r ->> ${index})::${pgType(column.kind)} AS ${column.name}`,
  );
  return `(SELECT ${values.join(', ')} FROM jsonb_array_elements($1::jsonb) AS r)`;
}

function pgType(kind: ColumnKind): string {
  switch (kind) {
    case 'text':
      return 'text';
    case 'bigint':
      return 'bigint';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
  }
}

export type DatabaseDriver = 'postgres' | 'sqlite';

export function driverOf(dataSource: DataSource): DatabaseDriver {
  return dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * Collects the values of one raw query and hands out the driver's placeholder for each:
 * `$1, $2…` on PostgreSQL, `?` on SQLite. Values are never interpolated into SQL text.
 */
export class SqlParameters {
  readonly values: unknown[] = [];

  constructor(readonly dialect: DatabaseDriver) {}

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
export function sumMicrosAsText(
  dialect: DatabaseDriver,
  expression = 'charge_amount_micros',
): string {
  return dialect === 'postgres'
    ? `COALESCE(SUM(${expression}), 0)::text`
    : `CAST(COALESCE(SUM(${expression}), 0) AS TEXT)`;
}
