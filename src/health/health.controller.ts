import { Controller, Get, Inject } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { WebhookQueue } from '../ingestion/services/webhook-queue.service';
import { QueueObserver, type QueueState } from '../observability/queue-observer.service';

/**
 * `/health`: the database responds, and the webhook queue's backlog for operators (waited on by
 * the webhook benchmark); a backlog never marks it down. `/health/live`: the process answers
 * (no database). `/health/ready`: the database responds and the oldest webhook body never tried
 * yet is younger than READY_MAX_QUEUE_AGE_SECONDS; otherwise 503 with the reason.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly webhookQueue: WebhookQueue,
    private readonly queueObserver: QueueObserver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      async () => this.indicators.check('webhookQueue').up(await this.webhookQueue.backlog()),
    ]);
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      async () => {
        const indicator = this.indicators.check('webhookQueue');
        let state: QueueState;
        try {
          state = await this.queueObserver.state();
        } catch (error) {
          // Answered 503 with the reason, like the database check beside it, rather than 500.
          return indicator.down({
            reason: `the webhook queue could not be read: ${String(error)}`,
          });
        }
        const maxAgeSeconds = this.config.readyMaxQueueAgeSeconds;
        const oldestAgeSeconds =
          state.oldestFreshReceivedAt === null
            ? 0
            : Math.max(0, Math.floor((Date.now() - state.oldestFreshReceivedAt) / 1000));
        const details = { waiting: state.waiting, oldestAgeSeconds, maxAgeSeconds };
        if (oldestAgeSeconds <= maxAgeSeconds) return indicator.up(details);
        return indicator.down({
          ...details,
          reason: `the oldest webhook body waiting to be applied was received ${oldestAgeSeconds} s ago (READY_MAX_QUEUE_AGE_SECONDS is ${maxAgeSeconds})`,
        });
      },
    ]);
  }
}
