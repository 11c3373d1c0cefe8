import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { BudgetsService } from '../budgets/services/budgets.service';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { MetaAnalyticsService } from '../meta-analytics/services/meta-analytics.service';
import { MonthCloseService } from '../month-close/services/month-close.service';
import { NotificationsService } from '../notifications/services/notifications.service';

const REVISION_CHECK_MS = 60 * 60 * 1000;

/**
 * The server's periodic work, every SCHEDULER_INTERVAL_SECONDS (command-line tools never run it):
 * Meta's analytics pulls, month closes, statement revisions (hourly), budget alerts and due
 * notifications. Each step claims its work in the database, so several processes may run it.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerService.name);
  private timer: NodeJS.Timeout | null = null;
  private firstTick: NodeJS.Timeout | null = null;
  private stopped = false;
  private tickUnderWay: Promise<void> | null = null;
  private lastRevisionCheck = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly analytics: MetaAnalyticsService,
    private readonly monthCloses: MonthCloseService,
    private readonly budgets: BudgetsService,
    private readonly notifications: NotificationsService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runScheduler) return;
    this.notifications.startDispatcher();
    this.timer = setInterval(() => void this.tick(), this.config.schedulerIntervalSeconds * 1000);
    this.timer.unref();
    // The first tick soon after start: a month due while the service was down closes now.
    this.firstTick = setTimeout(() => void this.tick(), 1000);
    this.firstTick.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer !== null) clearInterval(this.timer);
    if (this.firstTick !== null) clearTimeout(this.firstTick);
    this.timer = null;
    this.firstTick = null;
    await this.tickUnderWay;
  }

  /** One round of every step; a tick still under way makes the next one wait its turn. */
  tick(now: Date = new Date()): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.tickUnderWay !== null) return this.tickUnderWay;
    this.tickUnderWay = this.runSteps(now).finally(() => {
      this.tickUnderWay = null;
    });
    return this.tickUnderWay;
  }

  private async runSteps(now: Date): Promise<void> {
    await this.step("Meta's analytics pull", () => this.analytics.pullRecentDays(now));
    await this.step('month close', () => this.monthCloses.closeDueMonths(now));
    if (now.getTime() - this.lastRevisionCheck >= REVISION_CHECK_MS) {
      this.lastRevisionCheck = now.getTime();
      await this.step('statement revisions', () => this.monthCloses.reviseClosedMonths(now));
    }
    await this.step('budgets', () => this.budgets.evaluate(now));
    await this.step('notifications', () => this.notifications.dispatchDue(now));
  }

  private async step(name: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(
        `scheduled ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
