import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/**
 * Work that several service processes must not do at once on one PostgreSQL database: each key
 * is a session advisory lock, taken in sorted order (so that two holders never wait on each
 * other) on a connection of its own and released when the work ends, or when the process dies
 * with its connection. SQLite has one service process, whose own write lock serialises it.
 */
@Injectable()
export class DatabaseLocks {
  private readonly postgres: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  async run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    if (!this.postgres || keys.length === 0) return work();
    return withAdvisoryLocks(this.dataSource, keys, work);
  }

  /** The locks of the portfolios given: their messages, conversations and tier counters. */
  forPortfolios<T>(portfolioIds: Iterable<string>, work: () => Promise<T>): Promise<T> {
    return this.run(
      [...portfolioIds].map((id) => `portfolio:${id}`),
      work,
    );
  }
}

/** Holds PostgreSQL session advisory locks on `keys` (hashed to 64 bits) while `work` runs. */
export async function withAdvisoryLocks<T>(
  dataSource: DataSource,
  keys: readonly string[],
  work: () => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    for (const key of [...new Set(keys)].sort()) {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`billing:${key}`]);
    }
    return await work();
  } finally {
    try {
      await runner.query('SELECT pg_advisory_unlock_all()');
    } finally {
      await runner.release();
    }
  }
}
