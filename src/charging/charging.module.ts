import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { TemplateCategoryChangeEntity } from '../ingestion/entities/template-category-change.entity';
import { RateCardsResolver } from '../rate-cards/rate-cards.resolver';
import { JobsModule } from '../jobs/jobs.module';
import { MetricsModule } from '../observability/metrics/metrics.module';
import { RateCardsModule } from '../rate-cards/rate-cards.module';
import { ChargingResolver } from './charging.resolver';
import { ChargeWriter } from './services/charge-writer.service';
import { ChargingService } from './services/charging.service';
import { CounterPlaces } from './services/counter-places.service';
import { IncrementalRerating } from './services/incremental-rerating.service';
import { MessageClassifier } from './services/message-classifier.service';
import { MessageRowReader } from './services/message-row-reader.service';
import { MonthRerating } from './services/month-rerating.service';
import { QuoteService } from './services/quote.service';
import { RepriceJobs } from './services/reprice-jobs.service';
import { TemplateCategoryBook } from './services/template-category-book.service';

@Module({
  imports: [
    AccountsModule,
    RateCardsModule,
    JobsModule,
    MetricsModule,
    TypeOrmModule.forFeature([TemplateCategoryChangeEntity]),
  ],
  providers: [
    ChargeWriter,
    MessageRowReader,
    MessageClassifier,
    CounterPlaces,
    IncrementalRerating,
    MonthRerating,
    ChargingService,
    TemplateCategoryBook,
    QuoteService,
    RepriceJobs,
    ChargingResolver,
    RateCardsResolver,
  ],
  exports: [ChargingService, TemplateCategoryBook, RepriceJobs],
})
export class ChargingModule {}
