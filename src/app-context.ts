import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { loadAppConfig } from './config/app-config';
import { RateCardsService } from './rate-cards/services/rate-cards.service';

/** The application without HTTP, for command-line tools; same configuration as the server. */
export async function createApplicationContext(): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadAppConfig()), {
    logger: ['error', 'warn'],
  });
  await app.get(RateCardsService).ensureBuiltIns();
  return app;
}
