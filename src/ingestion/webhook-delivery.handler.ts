import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { DomainError, HTTP_STATUS_BY_CODE, httpErrorBody } from '../common/errors/domain.error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import {
  BillingMetrics,
  type WebhookRefusal,
} from '../observability/metrics/billing-metrics.service';
import { IngestionService } from './services/ingestion.service';
import { WebhookQueue } from './services/webhook-queue.service';

const WEBHOOK_PATH = '/webhooks/whatsapp';

/**
 * `POST /webhooks/whatsapp`, Meta's event deliveries: the hot path of the service. The HTTP
 * server hands every request to `handle` first, ahead of Express and Nest (application, router,
 * body parsers, request logger), which took a quarter of the main thread's time per delivery
 * (CPU profiles in docs/architecture.md). It reads the raw body (413 beyond
 * `webhookMaxBodyBytes`), checks the signature over it (401), logs it (400 when it is not a
 * WhatsApp webhook) and answers 200 once it is durable. Every other request, the verification
 * handshake included, goes on to the framework.
 */
@Injectable()
export class WebhookDeliveryHandler {
  private readonly logger = new Logger(WebhookDeliveryHandler.name);

  constructor(
    private readonly ingestion: IngestionService,
    private readonly queue: WebhookQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: BillingMetrics,
  ) {}

  /** Makes `server` hand each request to `handle` before its own listeners (the framework). */
  answerFirst(server: Server): void {
    const framework = server.listeners('request') as RequestListener[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) =>
      this.handle(request, response, () => {
        for (const listener of framework) listener(request, response);
      }),
    );
  }

  private handle(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    if (request.method !== 'POST' || !isWebhookPath(request.url)) {
      next();
      return;
    }
    this.metrics.webhookDeliveries.inc();
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      this.refused('compressed');
      discard(request, () =>
        sendJson(response, 415, {
          error: 'UNSUPPORTED_MEDIA_TYPE',
          message: `content encoding ${encoding} is not supported`,
        }),
      );
      return;
    }
    readBody(request, this.config.webhookMaxBodyBytes, (raw) => {
      if (raw === null) {
        this.refused('too_large');
        sendJson(response, 413, {
          error: 'PAYLOAD_TOO_LARGE',
          message: `the body exceeds ${this.config.webhookMaxBodyBytes} bytes (WEBHOOK_MAX_BODY_BYTES)`,
        });
        return;
      }
      this.receive(raw, request.headers['x-hub-signature-256']).then(
        (answer) => sendJson(response, 200, answer),
        (error: unknown) => this.sendError(response, error),
      );
    });
  }

  private async receive(
    raw: Buffer,
    signature: string | string[] | undefined,
  ): Promise<{ received: boolean; events: number; problems: string[] }> {
    if (raw.length === 0) throw new DomainError('BAD_USER_INPUT', 'empty body');
    if (this.config.appSecret !== null) this.checkSignature(raw, signature);
    const result = await this.ingestion.acceptWebhookBody(raw.toString('utf8'));
    if (result.accepted) {
      this.metrics.webhookBodiesLogged.inc();
      this.queue.wake();
    } else {
      this.metrics.webhookDuplicates.inc();
    }
    return { received: true, events: result.events, problems: result.problems };
  }

  private checkSignature(raw: Buffer, header: string | string[] | undefined): void {
    const value = Array.isArray(header) ? header[0] : header;
    const match = value ? /^sha256=([0-9a-f]{64})$/i.exec(value) : null;
    if (!match)
      throw new DomainError('UNAUTHENTICATED', 'missing or malformed X-Hub-Signature-256');
    const expected = createHmac('sha256', this.config.appSecret!).update(raw).digest();
    const given = Buffer.from(match[1], 'hex');
    if (!timingSafeEqual(expected, given))
      throw new DomainError('UNAUTHENTICATED', 'webhook signature does not match');
  }

  private refused(reason: WebhookRefusal): void {
    this.metrics.webhookRefusals.inc({ reason });
  }

  private sendError(response: ServerResponse, error: unknown): void {
    if (error instanceof DomainError) {
      this.refused(error.code === 'UNAUTHENTICATED' ? 'bad_signature' : 'invalid_body');
      sendJson(response, HTTP_STATUS_BY_CODE[error.code], httpErrorBody(error));
      return;
    }
    this.refused('storage_error');
    // Meta retries a delivery that is not answered 200: nothing is lost.
    this.logger.error(`a webhook delivery failed: ${String(error)}`);
    sendJson(response, 500, { error: 'INTERNAL', message: 'the delivery could not be stored' });
  }
}

function isWebhookPath(url: string | undefined): boolean {
  if (url === undefined) return false;
  const query = url.indexOf('?');
  let path = query === -1 ? url : url.slice(0, query);
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  // The framework's router matches paths case-insensitively; so does this.
  return path.length === WEBHOOK_PATH.length && path.toLowerCase() === WEBHOOK_PATH;
}

/** Reads the whole body; `null` when it exceeds `limit` (the rest is read and dropped). */
function readBody(
  request: IncomingMessage,
  limit: number,
  done: (body: Buffer | null) => void,
): void {
  const declared = Number(request.headers['content-length']);
  if (declared > limit) {
    discard(request, () => done(null));
    return;
  }
  const chunks: Buffer[] = [];
  let length = 0;
  let tooLarge = false;
  request.on('data', (chunk: Buffer) => {
    length += chunk.length;
    if (length > limit) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  });
  request.on('end', () => done(tooLarge ? null : Buffer.concat(chunks, length)));
  // An aborted upload has nobody left to answer.
  request.on('error', () => undefined);
}

function discard(request: IncomingMessage, done: () => void): void {
  request.on('end', done);
  request.on('error', () => undefined);
  request.resume();
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  response.end(json);
}
