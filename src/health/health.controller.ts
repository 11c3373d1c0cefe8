import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { WebhookQueue } from '../ingestion/services/webhook-queue.service';

/**
 * Liveness and readiness: the process answers and the database responds. The webhook queue's
 * backlog is reported for operators (and waited on by the webhook benchmark); it never marks the
 * service down, since a backlog drains by itself and failed bodies need a person, not a restart.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly webhookQueue: WebhookQueue,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      async () => this.indicators.check('webhookQueue').up(await this.webhookQueue.backlog()),
    ]);
  }
}
