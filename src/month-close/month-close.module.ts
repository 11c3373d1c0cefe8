import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { ChargingModule } from '../charging/charging.module';
import { ExportsModule } from '../exports/exports.module';
import { MetaAnalyticsModule } from '../meta-analytics/meta-analytics.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ReportsModule } from '../reports/reports.module';
import { MonthCloseEntity } from './entities/month-close.entity';
import { StatementRevisionEntity } from './entities/statement-revision.entity';
import { MonthCloseResolver } from './month-close.resolver';
import { MonthCloseService } from './services/month-close.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MonthCloseEntity, StatementRevisionEntity]),
    AccountsModule,
    ChargingModule,
    ReportsModule,
    ExportsModule,
    NotificationsModule,
    MetaAnalyticsModule,
  ],
  providers: [MonthCloseService, MonthCloseResolver],
  exports: [MonthCloseService],
})
export class MonthCloseModule {}
