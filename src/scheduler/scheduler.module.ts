import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { MetaAnalyticsModule } from '../meta-analytics/meta-analytics.module';
import { MonthCloseModule } from '../month-close/month-close.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { SchedulerService } from './scheduler.service';

@Module({
  imports: [MetaAnalyticsModule, MonthCloseModule, BudgetsModule, NotificationsModule],
  providers: [SchedulerService],
  exports: [SchedulerService],
})
export class SchedulerModule {}
