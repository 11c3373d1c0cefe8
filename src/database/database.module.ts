import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { buildDataSourceOptions } from './data-source-options';
import { PlannerStatistics } from './planner-statistics.service';
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
    }),
  ],
  providers: [WriteLock, PlannerStatistics],
  exports: [WriteLock, PlannerStatistics],
})
export class DatabaseModule {}
