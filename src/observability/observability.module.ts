import { Module } from '@nestjs/common';
import { GraphqlMetricsPlugin } from './metrics/graphql-metrics.plugin';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsModule } from './metrics/metrics.module';
import { ScrapeTimeMetrics } from './metrics/scrape-time-metrics.service';
import { QueueObserver } from './queue-observer.service';

/** What operators watch: `/metrics`, the GraphQL timings, the webhook queue's state. */
@Module({
  imports: [MetricsModule],
  controllers: [MetricsController],
  providers: [QueueObserver, ScrapeTimeMetrics, GraphqlMetricsPlugin],
  exports: [QueueObserver],
})
export class ObservabilityModule {}
