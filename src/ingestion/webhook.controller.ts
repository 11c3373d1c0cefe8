import { Controller, Get, HttpCode, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain.error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { IngestionService } from './services/ingestion.service';
import { WebhookQueue } from './services/webhook-queue.service';

type RawBodyRequest = Request & { rawBody?: Buffer };

/** Meta's webhook: the verification handshake and signed event deliveries. */
@Controller('webhooks/whatsapp')
export class WebhookController {
  constructor(
    private readonly ingestion: IngestionService,
    private readonly queue: WebhookQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  verify(@Query() query: Record<string, string | undefined>, @Res() response: Response): void {
    const mode = query['hub.mode'];
    const token = query['hub.verify_token'];
    if (
      mode !== 'subscribe' ||
      this.config.verifyToken === null ||
      token !== this.config.verifyToken
    ) {
      response.status(403).json({ error: 'FORBIDDEN', message: 'verification token mismatch' });
      return;
    }
    response
      .status(200)
      .type('text/plain')
      .send(query['hub.challenge'] ?? '');
  }

  @Post()
  @HttpCode(200)
  async receive(
    @Req() request: RawBodyRequest,
  ): Promise<{ received: boolean; events: number; problems: string[] }> {
    const raw = request.rawBody;
    if (!raw || raw.length === 0) throw new DomainError('BAD_USER_INPUT', 'empty body');
    if (this.config.appSecret !== null)
      this.checkSignature(raw, request.headers['x-hub-signature-256']);
    // The JSON body parser has parsed what it could read; other bodies are parsed here.
    const result = await this.ingestion.acceptWebhookBody(
      raw.toString('utf8'),
      request.is('application/json') ? (request.body as unknown) : undefined,
    );
    if (result.accepted) this.queue.wake();
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
}
