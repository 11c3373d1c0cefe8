import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { IngestionModule } from '../ingestion/ingestion.module';
import { HealthController } from './health.controller';

@Module({ imports: [TerminusModule, IngestionModule], controllers: [HealthController] })
export class HealthModule {}
