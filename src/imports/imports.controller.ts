import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import type { JobOutput } from '../jobs/dtos/outputs/job.output';
import type { JobKind, JobStatus } from '../jobs/job.types';
import { JobsService } from '../jobs/services/jobs.service';
import { formatJobToGraphql } from '../jobs/utils/format-job-to-graphql.util';
import { ImportJobsService } from './services/import-jobs.service';
import { importUploadFormat } from './utils/import-upload-format.util';

/** The request body is the file itself: no body parser reads this route (see bootstrap). */
export const IMPORT_UPLOAD_PATH = '/imports';

@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportJobsService,
    private readonly jobs: JobsService,
  ) {}

  /**
   * Streams the body (a send log as text/csv, or webhook bodies as application/x-ndjson) to
   * DATA_DIR/imports and answers 202 with the IMPORT job that imports it.
   */
  @Post()
  @HttpCode(202)
  @RequireRole('operator')
  async upload(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Query('format') format: string | undefined,
  ): Promise<{ job: { id: string; kind: JobKind; status: JobStatus } }> {
    const job = await this.imports.receive(
      request,
      importUploadFormat(request.headers['content-type'], format),
    );
    response.setHeader('Location', `${IMPORT_UPLOAD_PATH}/${job.id}`);
    return { job: { id: job.id, kind: job.kind, status: job.status } };
  }

  /** An IMPORT job as GraphQL's `job(id)` shows it, summary included once DONE. */
  @Get(':id')
  @RequireRole('operator')
  async job(@Param('id') id: string): Promise<{ job: JobOutput }> {
    const job = /^[0-9a-f-]{36}$/.test(id) ? await this.jobs.find(id) : null;
    if (job === null || job.kind !== 'IMPORT')
      throw new DomainError('NOT_FOUND', `no import "${id}"`);
    return { job: formatJobToGraphql(job) };
  }
}
