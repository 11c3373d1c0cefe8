import 'reflect-metadata';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { syncBuiltInRateCards } from './charging/utils/sync-built-in-rate-cards.util';
import { loadAppConfig, type AppConfig } from './config/app-config';
import { DatabaseLocks } from './database/database-locks.service';

/**
 * The application without HTTP, for command-line tools; same configuration as the server, but
 * the webhook queue is left to the server and an unreachable database fails at once (the
 * server retries). A failed start rejects instead of ending the process.
 */
export async function createApplicationContext(
  config: AppConfig = loadAppConfig(),
  options: { logger?: LoggerService } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({
      ...config,
      processWebhookQueue: false,
      databaseConnectRetries: 0,
      runScheduler: false,
    }),
    { logger: options.logger ?? ['error', 'warn'], abortOnError: false },
  );
  await app.get(DatabaseLocks).run(['start-up'], () => syncBuiltInRateCards(app));
  return app;
}
