import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { IngestionModule } from '../ingestion/ingestion.module';
import { ObservabilityModule } from '../observability/observability.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule, IngestionModule, ObservabilityModule],
  controllers: [HealthController],
})
export class HealthModule {}
