import { Module } from '@nestjs/common';
import { SqliteWriterLock } from './sqlite-writer-lock.service';

/** The SQLite writer lock, for the data source's factory to take before it opens the file. */
@Module({
  providers: [SqliteWriterLock],
  exports: [SqliteWriterLock],
})
export class SqliteWriterLockModule {}
