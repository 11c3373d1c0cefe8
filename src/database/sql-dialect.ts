import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';

export type ColumnKind = 'text' | 'bigint' | 'integer' | 'boolean';

/** Placeholders and casts that differ between SQLite and PostgreSQL. */
export class SqlDialect {
  readonly postgres: boolean;

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

  sumAsText(expression: string): string {
    return this.postgres
      ? `COALESCE(SUM(${expression}), 0)::text`
      : `CAST(COALESCE(SUM(${expression}), 0) AS TEXT)`;
  }

  /**
   * Updates many rows by primary key in one statement per chunk:
   * UPDATE t SET c = v.c FROM (VALUES ...) v WHERE t.id = v.id.
   */
  async bulkUpdate(
    table: string,
    columns: { name: string; kind: ColumnKind }[],
    rows: { id: number; values: unknown[] }[],
    manager?: { query(sql: string, parameters: unknown[]): Promise<unknown> },
  ): Promise<void> {
    if (rows.length === 0) return;
    const sqlite = this.sqliteDatabase();
    if (sqlite !== null) {
      sqlite.transaction(() => this.bulkUpdateSqlite(sqlite, table, columns, rows))();
      return;
    }
    const runner = manager ?? this.dataSource;
    const width = columns.length + 1;
    const chunkSize = Math.max(1, Math.floor(60000 / width));
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      const parameters: unknown[] = [];
      const tuples = chunk.map((row, rowIndex) => {
        parameters.push(row.id, ...row.values.map((value) => this.encode(value)));
        return `(${this.params(rowIndex * width + 1, width)})`;
      });
      await runner.query(
        `UPDATE ${table} AS t SET ${columns.map((c) => `${c.name} = v.${c.name}::${pgType(c.kind)}`).join(', ')} FROM (VALUES ${tuples.join(', ')}) AS v(id, ${columns.map((c) => c.name).join(', ')}) WHERE t.id = v.id::integer`,
        parameters,
      );
    }
  }

  /** SQLite's fastest path: one prepared UPDATE per row; the caller holds the transaction. */
  bulkUpdateSqlite(
    sqlite: BetterSqlite3.Database,
    table: string,
    columns: { name: string; kind: ColumnKind }[],
    rows: { id: number; values: unknown[] }[],
  ): void {
    const statement = sqlite.prepare(
      `UPDATE ${table} SET ${columns.map((column) => `${column.name} = ?`).join(', ')} WHERE id = ?`,
    );
    for (const row of rows) statement.run(...row.values.map((value) => this.encode(value)), row.id);
  }

  /** Runs one statement for many parameter rows (SQLite: prepared, in a transaction). */
  async runMany(sql: string, rows: unknown[][]): Promise<void> {
    const sqlite = this.sqliteDatabase();
    if (sqlite === null) {
      for (const row of rows)
        await this.dataSource.query(
          sql,
          row.map((value) => this.encode(value)),
        );
      return;
    }
    const statement = sqlite.prepare(sql);
    sqlite.transaction(() => {
      for (const row of rows) statement.run(...row.map((value) => this.encode(value)));
    })();
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
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'boolean' && !this.postgres) return value ? 1 : 0;
    return value;
  }
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
