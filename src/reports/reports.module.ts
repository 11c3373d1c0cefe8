import { Module } from '@nestjs/common';
import { CostReportResolver } from './cost-report.resolver';
import { ReconciliationResolver } from './reconciliation.resolver';
import { CostReportService } from './services/cost-report.service';
import { ReconciliationService } from './services/reconciliation.service';
import { StatementService } from './services/statement.service';
import { StatementResolver } from './statement.resolver';

@Module({
  providers: [
    CostReportService,
    StatementService,
    ReconciliationService,
    CostReportResolver,
    StatementResolver,
    ReconciliationResolver,
  ],
  exports: [CostReportService, StatementService, ReconciliationService],
})
export class ReportsModule {}
