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
import { WriteLock } from './write-lock.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config),
        retryAttempts: config.databaseConnectRetries,
      }),
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
  providers: [WriteLock, PlannerStatistics, DatabaseLocks, SqliteWriterLock, ReadSnapshot],
  exports: [WriteLock, PlannerStatistics, DatabaseLocks, ReadSnapshot],
})
export class DatabaseModule {}
