import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RequireRole } from '../common/auth/roles.decorator';
import type { JobOutput } from '../jobs/dtos/outputs/job.output';
import type { JobKind, JobStatus } from '../jobs/job.types';
import { formatJobToGraphql } from '../jobs/utils/format-job-to-graphql.util';
import { IMPORT_UPLOAD_PATH } from './constants/import-upload-path.constant';
import { ImportJobsService } from './services/import-jobs.service';
import { importUploadFormat } from './utils/import-upload-format.util';

@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportJobsService) {}

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
    const job = await this.imports.receive(request, {
      format: importUploadFormat(request.headers['content-type'], format),
      contentEncoding: request.headers['content-encoding'],
      contentLength: request.headers['content-length'],
    });
    response.setHeader('Location', `${IMPORT_UPLOAD_PATH}/${job.id}`);
    return { job: { id: job.id, kind: job.kind, status: job.status } };
  }

  /** An IMPORT job as GraphQL's `job(id)` shows it, summary included once DONE. */
  @Get(':id')
  @RequireRole('operator')
  async job(@Param('id') id: string): Promise<{ job: JobOutput }> {
    return { job: formatJobToGraphql(await this.imports.find(id)) };
  }
}
