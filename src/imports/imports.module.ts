import { Module } from '@nestjs/common';
import { IngestionModule } from '../ingestion/ingestion.module';
import { JobsModule } from '../jobs/jobs.module';
import { ImportsController } from './imports.controller';
import { ImportJobsService } from './services/import-jobs.service';

/** Files imported over HTTP (`POST /imports`), as IMPORT jobs. */
@Module({
  imports: [IngestionModule, JobsModule],
  controllers: [ImportsController],
  providers: [ImportJobsService],
})
export class ImportsModule {}
