import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { MetaAnalyticsPullEntity } from './entities/meta-analytics-pull.entity';
import { MetaPricingAnalyticsEntity } from './entities/meta-pricing-analytics.entity';
import { MetaAnalyticsResolver } from './meta-analytics.resolver';
import { GraphApiClient } from './services/graph-api-client.service';
import { MetaAnalyticsStore } from './services/meta-analytics-store.service';
import { MetaAnalyticsService } from './services/meta-analytics.service';
import { MetaReconciliationService } from './services/meta-reconciliation.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MetaPricingAnalyticsEntity, MetaAnalyticsPullEntity]),
    AccountsModule,
  ],
  providers: [
    GraphApiClient,
    MetaAnalyticsStore,
    MetaAnalyticsService,
    MetaReconciliationService,
    MetaAnalyticsResolver,
  ],
  exports: [MetaAnalyticsService, MetaReconciliationService, GraphApiClient],
})
export class MetaAnalyticsModule {}
