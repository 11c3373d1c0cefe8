import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule } from '../observability/metrics/metrics.module';
import { JobEntity } from './entities/job.entity';
import { JobsResolver } from './jobs.resolver';
import { JobRunner } from './services/job-runner.service';
import { JobsService } from './services/jobs.service';

/** Jobs: a feature module imports this one and registers its handlers with the runner. */
@Module({
  imports: [TypeOrmModule.forFeature([JobEntity]), MetricsModule],
  providers: [JobsService, JobRunner, JobsResolver],
  exports: [JobsService, JobRunner],
})
export class JobsModule {}
