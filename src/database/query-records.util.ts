import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The rows of a statement, whatever it is: a SELECT, or an INSERT/UPDATE/DELETE … RETURNING
 * (TypeORM's plain query() gives PostgreSQL's UPDATE and DELETE as [rows, count], SQLite's
 * writes as a row id). SQLite and PostgreSQL both support RETURNING.
 */
export async function queryRecords<T>(
  source: DataSource | QueryRunner,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const ownRunner = 'createQueryRunner' in source;
  const runner = ownRunner ? source.createQueryRunner() : source;
  try {
    const result = await runner.query(sql, parameters, true);
    return (result.records ?? []) as T[];
  } finally {
    if (ownRunner) await runner.release();
  }
}
