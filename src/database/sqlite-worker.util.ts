import Database from 'better-sqlite3';

/** What a SQLite writer thread is started with: the service's database file and settings. */
export interface SqliteWorkerData {
  sqliteFile: string;
  pragmas: readonly string[];
}

/** A writer thread's own connection to the service's SQLite file. */
export function openSqliteInWorker(data: SqliteWorkerData): Database.Database {
  const database = new Database(data.sqliteFile);
  for (const pragma of data.pragmas) database.pragma(pragma);
  // The main thread may hold the write lock for a whole batch of writes.
  database.pragma('busy_timeout = 30000');
  return database;
}
