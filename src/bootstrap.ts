import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { syncBuiltInRateCards } from './charging/utils/sync-built-in-rate-cards.util';
import { ApiKeyService } from './auth/services/api-key.service';
import type { AppConfig } from './config/app-config';
import { DatabaseLocks } from './database/database-locks.service';
import { IMPORT_UPLOAD_PATH } from './imports/constants/import-upload-path.constant';
import { mediaTypeOf } from './imports/utils/import-upload-format.util';
import { WebhookDeliveryHandler } from './ingestion/webhook-delivery.handler';
import { defaultWebDistDir, serveWebApp } from './web-app/serve-web-app.util';

export interface ApplicationOptions {
  /** No framework log (tests). */
  quiet?: boolean;
  /** The framework's log goes here instead of the JSON log (the demo's plain lines). */
  logger?: LoggerService;
  /**
   * Given the admin key generated at this start because no API key existed: its only moment in
   * clear, for the caller to show a person (it is never logged).
   */
  onAdminKeyGenerated?: (secret: string) => void;
  /**
   * Nest closes the application on SIGTERM and SIGINT (default true); the server passes false and
   * stops gracefully itself (`stopGracefullyOnSignals`).
   */
  handleSignals?: boolean;
  /** The built web app served at `/` (default: web/dist of the package). */
  webDistDir?: string;
}

/**
 * Builds the HTTP application (also used by the integration tests and the demo), without
 * listening. A failed start rejects instead of ending the process.
 */
export async function createApplication(
  config: AppConfig,
  options: ApplicationOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    // A failed start is reported by the caller in one line (the framework would print its
    // buffered start-up log and the stack first).
    autoFlushLogs: false,
    // The parsers are registered below, none of them on the import upload route.
    bodyParser: false,
    logger: options.logger ?? (options.quiet ? false : undefined),
    abortOnError: false,
  });
  if (!options.quiet && !options.logger) app.useLogger(app.get(Logger));
  app.flushLogs();
  // Meta's deliveries are answered ahead of Express and Nest.
  app.get(WebhookDeliveryHandler).answerFirst(app.getHttpServer() as Server);
  app.useBodyParser('json', {
    limit: config.webhookMaxBodyBytes,
    type: parsedUnlessImportUpload('application/json'),
  });
  app.useBodyParser('urlencoded', {
    extended: true,
    type: parsedUnlessImportUpload('application/x-www-form-urlencoded'),
  });
  serveWebApp(app, options.webDistDir ?? defaultWebDistDir());
  if (options.handleSignals !== false) app.enableShutdownHooks();
  await app.init();
  // Several processes may start at once: one at a time stores the built-in cards and the first key.
  const generated = await app.get(DatabaseLocks).run(['start-up'], async () => {
    await syncBuiltInRateCards(app);
    return app.get(ApiKeyService).ensureBootstrapKey();
  });
  if (generated !== null) options.onAdminKeyGenerated?.(generated);
  return app;
}

/**
 * A body parser's test: bodies of `mediaType`, except an import upload's, whose body is the
 * file itself, streamed to disk by its route whatever its Content-Type.
 */
function parsedUnlessImportUpload(mediaType: string): (request: IncomingMessage) => boolean {
  return (request) => {
    // Express routes ignore case and a trailing slash.
    const path = (request.url ?? '').split('?')[0].toLowerCase().replace(/\/+$/, '');
    if (request.method === 'POST' && path === IMPORT_UPLOAD_PATH) return false;
    return mediaTypeOf(request.headers['content-type']) === mediaType;
  };
}
