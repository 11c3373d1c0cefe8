import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../../common/errors/domain.error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { BillingMetrics } from './billing-metrics.service';

/** `GET /metrics`, Prometheus's text format; with METRICS_TOKEN set, only for that bearer token. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: BillingMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    if (this.config.metricsToken !== null) this.checkToken(authorization, this.config.metricsToken);
    const text = await this.metrics.registry.metrics();
    response.status(200).type(this.metrics.registry.contentType).send(text);
  }

  private checkToken(header: string | undefined, token: string): void {
    const match = header === undefined ? null : /^Bearer\s+(\S+)$/i.exec(header);
    if (match === null) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'send METRICS_TOKEN as "Authorization: Bearer <token>"',
      );
    }
    // Digests of equal length, compared in constant time.
    const given = createHash('sha256').update(match[1]).digest();
    const expected = createHash('sha256').update(token).digest();
    if (!timingSafeEqual(given, expected)) {
      throw new DomainError('UNAUTHENTICATED', 'the metrics token does not match');
    }
  }
}
