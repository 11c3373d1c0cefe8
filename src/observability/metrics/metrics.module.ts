import { Module } from '@nestjs/common';
import { BillingMetrics } from './billing-metrics.service';

/** The metrics registry; modules that count something import it (one instance per application). */
@Module({ providers: [BillingMetrics], exports: [BillingMetrics] })
export class MetricsModule {}
