import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobsModule } from '../jobs/jobs.module';
import { MetaAnalyticsModule } from '../meta-analytics/meta-analytics.module';
import { ReportsModule } from '../reports/reports.module';
import { ExportEntity } from './entities/export.entity';
import { ExportsController } from './exports.controller';
import { ExportsResolver } from './exports.resolver';
import { DownloadLinkService } from './services/download-link.service';
import { ExportRunnerService } from './services/export-runner.service';
import { ExportWriterService } from './services/export-writer.service';
import { MessageExportQueryService } from './services/message-export-query.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([ExportEntity]),
    ReportsModule,
    MetaAnalyticsModule,
    JobsModule,
  ],
  controllers: [ExportsController],
  providers: [
    DownloadLinkService,
    ExportRunnerService,
    ExportWriterService,
    MessageExportQueryService,
    ExportsResolver,
  ],
  exports: [ExportWriterService, ExportRunnerService],
})
export class ExportsModule {}
