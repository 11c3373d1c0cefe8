import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { syncBuiltInRateCards } from './charging/utils/sync-built-in-rate-cards.util';
import { loadAppConfig, type AppConfig } from './config/app-config';

/** The application without HTTP, for command-line tools; same configuration as the server. */
export async function createApplicationContext(
  config: AppConfig = loadAppConfig(),
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ ...config, processWebhookQueue: false, runScheduler: false }),
    {
      logger: ['error', 'warn'],
    },
  );
  await syncBuiltInRateCards(app);
  return app;
}
