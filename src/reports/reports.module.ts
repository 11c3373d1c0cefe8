import { Module } from '@nestjs/common';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { BusinessAppSavingsResolver } from './business-app-savings.resolver';
import { CostReportResolver } from './cost-report.resolver';
import { ReconciliationResolver } from './reconciliation.resolver';
import { BusinessAppSavingsService } from './services/business-app-savings.service';
import { CostReportService } from './services/cost-report.service';
import { ReconciliationService } from './services/reconciliation.service';
import { StatementService } from './services/statement.service';
import { StatementResolver } from './statement.resolver';

@Module({
  imports: [RateCardsModule],
  providers: [
    CostReportService,
    StatementService,
    ReconciliationService,
    BusinessAppSavingsService,
    CostReportResolver,
    StatementResolver,
    ReconciliationResolver,
    BusinessAppSavingsResolver,
  ],
  exports: [CostReportService, StatementService, ReconciliationService],
})
export class ReportsModule {}
