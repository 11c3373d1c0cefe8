import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { DatabaseLocks, withAdvisoryLocks } from './database-locks.service';
import { buildDataSourceOptions } from './data-source-options';
import { PlannerStatistics } from './planner-statistics.service';
import { ReadSnapshot } from './read-snapshot.service';
import { SqliteWriterLock } from './sqlite-writer-lock.service';
import { SqliteWriterLockModule } from './sqlite-writer-lock.module';
import { WriteLock } from './write-lock.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [SqliteWriterLockModule],
      inject: [APP_CONFIG, SqliteWriterLock],
      // The SQLite writer lock is taken before the data source opens the file: a second process
      // is refused before it migrates the database of the one that holds it.
      useFactory: (config: AppConfig, writerLock: SqliteWriterLock) => {
        writerLock.acquire();
        return { ...buildDataSourceOptions(config), retryAttempts: config.databaseConnectRetries };
      },
      // Migrations run at start-up; on PostgreSQL under a lock, since several processes may start
      // at once.
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource({
          ...options!,
          migrationsRun: false,
        }).initialize();
        if (dataSource.options.type === 'postgres') {
          await withAdvisoryLocks(dataSource, ['migrations'], () => dataSource.runMigrations());
        } else {
          await dataSource.runMigrations();
        }
        return dataSource;
      },
    }),
  ],
  providers: [WriteLock, PlannerStatistics, DatabaseLocks, ReadSnapshot],
  exports: [WriteLock, PlannerStatistics, DatabaseLocks, ReadSnapshot],
})
export class DatabaseModule {}
