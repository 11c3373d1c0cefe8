import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { acquireSqliteWriterLock, releaseSqliteWriterLock } from './sqlite-writer-lock.util';

/**
 * SQLite is the single-process embedded store: one process at a time writes to a database file
 * (the server, or a command that writes such as an import). A second one is refused at start
 * with the holder's process id, before it opens (and migrates) the file; several service
 * processes need PostgreSQL. The lock is a file beside the database, taken over when its process
 * is gone (a kill -9 leaves it behind).
 */
@Injectable()
export class SqliteWriterLock implements OnApplicationShutdown {
  private held: string | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Takes the lock when this process writes to a SQLite file; throws SqliteInUseError if taken. */
  acquire(): void {
    if (this.held !== null) return;
    if (this.config.databaseKind !== 'sqlite' || !this.config.writesDatabase) return;
    if (this.config.sqliteFile === ':memory:') return;
    // The lock comes before the data source, which would otherwise create DATA_DIR.
    mkdirSync(dirname(this.config.sqliteFile), { recursive: true });
    this.held = acquireSqliteWriterLock(`${this.config.sqliteFile}.writer.lock`);
  }

  onApplicationShutdown(): void {
    if (this.held !== null) releaseSqliteWriterLock(this.held);
    this.held = null;
  }
}
