import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { encodeSqliteValue } from './sqlite-values.util';
import { WriteLock } from './write-lock.service';

/** Runs the queries of one read, all against the same committed state of the database. */
export interface SnapshotReader {
  query<T>(sql: string, parameters?: unknown[]): Promise<T[]>;
}

/** A snapshot held open by its caller, who must `end` it. */
export interface OpenSnapshot extends SnapshotReader {
  end(): Promise<void>;
}

/** Idle read connections kept open (SQLite), so that their page caches stay warm. */
const IDLE_SQLITE_READERS = 4;

/**
 * Reads of several queries (a statement: counts, lines, unpriced messages, cards) that must agree
 * with each other, without waiting for any writer. PostgreSQL: one REPEATABLE READ READ ONLY
 * transaction, whose snapshot is taken at its first query and ignores every commit after it.
 * SQLite: a read transaction on a read-only connection of its own (WAL lets it read while a
 * writer thread or the main connection writes; it sees the last commit before its first query).
 * A charge batch changes messages and rollups in one transaction, so a snapshot sees all of a
 * batch or none of it. A SQLite database in memory has no second connection: its reads wait for
 * this process's writers instead.
 */
@Injectable()
export class ReadSnapshot implements OnApplicationShutdown {
  private readonly idleSqlite: Database.Database[] = [];
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writeLock: WriteLock,
  ) {}

  async run<T>(work: (reader: SnapshotReader) => Promise<T>): Promise<T> {
    if (this.inMemory()) return this.writeLock.run(() => work(this.plainReader()));
    const snapshot = await this.begin();
    try {
      return await work(snapshot);
    } finally {
      // A read-only snapshot has nothing to commit: the answer need not wait for its end.
      snapshot.end().catch(() => undefined);
    }
  }

  /**
   * A snapshot kept open until `end` (a messages export reads its pages from one). On a SQLite
   * database in memory it is the main connection, without the guarantee.
   */
  begin(): Promise<OpenSnapshot> {
    if (this.dataSource.options.type === 'postgres') return this.beginPostgres();
    if (this.inMemory())
      return Promise.resolve({ ...this.plainReader(), end: () => Promise.resolve() });
    return Promise.resolve(this.beginSqlite());
  }

  private inMemory(): boolean {
    return (
      this.dataSource.options.type !== 'postgres' &&
      (this.config.sqliteFile === ':memory:' || this.closed)
    );
  }

  private plainReader(): SnapshotReader {
    return {
      query: async <R>(sql: string, parameters: unknown[] = []) =>
        (await this.dataSource.query(sql, parameters)) as R[],
    };
  }

  private async beginPostgres(): Promise<OpenSnapshot> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    } catch (error) {
      await runner.release();
      throw error;
    }
    // One connection runs one query at a time: queries asked together wait their turn here.
    let previous: Promise<unknown> = Promise.resolve();
    return {
      query: <R>(sql: string, parameters: unknown[] = []) => {
        const result = previous.then(() => runner.query(sql, parameters) as Promise<R[]>);
        previous = result.catch(() => undefined);
        return result;
      },
      end: async () => {
        try {
          await previous;
          await runner.query('COMMIT');
        } catch {
          await runner.query('ROLLBACK').catch(() => undefined);
        } finally {
          await runner.release();
        }
      },
    };
  }

  private beginSqlite(): OpenSnapshot {
    const connection = this.idleSqlite.pop() ?? this.openSqlite();
    connection.exec('BEGIN');
    let ended = false;
    return {
      query: <R>(sql: string, parameters: unknown[] = []) => {
        const statement = connection.prepare(sql);
        return Promise.resolve(
          statement.all(...parameters.map((value) => encodeSqliteValue(value))) as R[],
        );
      },
      end: () => {
        if (ended) return Promise.resolve();
        ended = true;
        let reusable = true;
        try {
          connection.exec('COMMIT');
        } catch {
          reusable = false;
        }
        if (reusable && !this.closed && this.idleSqlite.length < IDLE_SQLITE_READERS) {
          this.idleSqlite.push(connection);
        } else {
          connection.close();
        }
        return Promise.resolve();
      },
    };
  }

  private openSqlite(): Database.Database {
    const connection = new Database(this.config.sqliteFile, {
      readonly: true,
      fileMustExist: true,
    });
    connection.pragma('busy_timeout = 5000');
    connection.pragma('cache_size = -16384');
    return connection;
  }

  onApplicationShutdown(): void {
    this.closed = true;
    for (const connection of this.idleSqlite.splice(0)) connection.close();
  }
}
