import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/**
 * Meta's webhook verification handshake. Event deliveries (`POST`) are answered before the
 * framework, by `WebhookDeliveryHandler`.
 */
@Controller('webhooks/whatsapp')
export class WebhookController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

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
}
