import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import { AccountsModule } from './accounts/accounts.module';
import { AuthModule } from './auth/auth.module';
import { BudgetsModule } from './budgets/budgets.module';
import { ChargingModule } from './charging/charging.module';
import { CoexistenceModule } from './coexistence/coexistence.module';
import { DomainErrorFilter } from './common/errors/domain-error.filter';
import { DecimalScalar } from './common/graphql/decimal.scalar';
import { buildGraphqlOptions } from './common/graphql/graphql-options';
import { InputLimitsInterceptor } from './common/graphql/input-limits.interceptor';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { ImportsModule } from './imports/imports.module';
import { IngestionModule } from './ingestion/ingestion.module';
import { JobsModule } from './jobs/jobs.module';
import { MessagesModule } from './messages/messages.module';
import { MetaAnalyticsModule } from './meta-analytics/meta-analytics.module';
import { MonthCloseModule } from './month-close/month-close.module';
import { NotificationsModule } from './notifications/notifications.module';
import { buildLoggerParams } from './observability/logging/logger-params.util';
import { ObservabilityModule } from './observability/observability.module';
import { RateCardsModule } from './rate-cards/rate-cards.module';
import { ReportsModule } from './reports/reports.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { SimulationsModule } from './simulations/simulations.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(buildLoggerParams(config)),
        DatabaseModule,
        JobsModule,
        GraphQLModule.forRoot(buildGraphqlOptions(config)),
        AuthModule,
        AccountsModule,
        RateCardsModule,
        ChargingModule,
        MessagesModule,
        IngestionModule,
        ImportsModule,
        ReportsModule,
        ExportsModule,
        MetaAnalyticsModule,
        NotificationsModule,
        MonthCloseModule,
        BudgetsModule,
        SchedulerModule,
        SimulationsModule,
        CoexistenceModule,
        HealthModule,
        ObservabilityModule,
      ],
      providers: [
        DecimalScalar,
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: InputLimitsInterceptor },
      ],
    };
  }
}
