import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
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
import { IngestionModule } from './ingestion/ingestion.module';
import { JobsModule } from './jobs/jobs.module';
import { MessagesModule } from './messages/messages.module';
import { MetaAnalyticsModule } from './meta-analytics/meta-analytics.module';
import { MonthCloseModule } from './month-close/month-close.module';
import { NotificationsModule } from './notifications/notifications.module';
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
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              autoLogging: false,
              // Access tokens never reach a log: not the API key, not a WABA's Graph API token.
              redact: [
                'req.headers.authorization',
                'req.headers["x-hub-signature-256"]',
                'accessToken',
                '*.accessToken',
                '*.*.accessToken',
                'access_token',
                '*.access_token',
              ],
            },
            // Written at once: the log is small (no request log), and the start-up banner,
            // printed after it, stays below it.
            pino.destination({ dest: 1, sync: true }),
          ],
        }),
        DatabaseModule,
        JobsModule,
        GraphQLModule.forRoot(buildGraphqlOptions(config)),
        AuthModule,
        AccountsModule,
        RateCardsModule,
        ChargingModule,
        MessagesModule,
        IngestionModule,
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
      ],
      providers: [
        DecimalScalar,
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: InputLimitsInterceptor },
      ],
    };
  }
}
