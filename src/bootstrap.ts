import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { syncBuiltInRateCards } from './charging/utils/sync-built-in-rate-cards.util';
import { ApiKeyService } from './auth/services/api-key.service';
import type { AppConfig } from './config/app-config';
import { WebhookDeliveryHandler } from './ingestion/webhook-delivery.handler';

/** Builds the HTTP application (also used by the integration tests), without listening. */
export async function createApplication(
  config: AppConfig,
  options: { quiet?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    logger: options.quiet ? false : undefined,
  });
  if (!options.quiet) app.useLogger(app.get(Logger));
  // Meta's deliveries are answered ahead of Express and Nest.
  app.get(WebhookDeliveryHandler).answerFirst(app.getHttpServer() as Server);
  app.useBodyParser('json', { limit: config.webhookMaxBodyBytes });
  app.enableShutdownHooks();
  await app.init();
  await syncBuiltInRateCards(app);
  await app.get(ApiKeyService).ensureBootstrapKey();
  return app;
}
