import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';

/** Every SQLite connection of the service: the main one and each writer thread's. */
export const SQLITE_PRAGMAS: readonly string[] = [
  'journal_mode = WAL',
  'synchronous = NORMAL',
  'busy_timeout = 5000',
  // Bulk writes: a 64 MB page cache keeps the messages indexes hot, and checkpointing the
  // WAL every ~80 MB instead of every 4 MB halves the cost of writing the raw event log.
  'cache_size = -65536',
  'wal_autocheckpoint = 20000',
];

/** SQLite in DATA_DIR by default, PostgreSQL when DATABASE_URL is set; migrations run at start. */
export function buildDataSourceOptions(
  config: Pick<AppConfig, 'databaseKind' | 'databaseUrl' | 'sqliteFile'>,
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  } as const;
  if (config.databaseKind === 'postgres') {
    return { ...common, type: 'postgres', url: config.databaseUrl ?? undefined };
  }
  if (config.sqliteFile !== ':memory:') mkdirSync(dirname(config.sqliteFile), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: config.sqliteFile,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      for (const pragma of SQLITE_PRAGMAS) db.pragma(pragma);
    },
  };
}
