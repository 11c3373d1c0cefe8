import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import type { ExportFormat } from '../common/graphql/enums';
import { ExportRunnerService } from './services/export-runner.service';
import { CONTENT_TYPES } from './utils/export-file-name.util';

@Controller('exports')
export class ExportsController {
  constructor(private readonly runner: ExportRunnerService) {}

  /** Streams a finished export: 404 for an unknown export, 409 while it is not DONE. */
  @Get(':id/download')
  @RequireRole('finance')
  async download(@Param('id') id: string): Promise<StreamableFile> {
    const { entity, path } = await this.runner.downloadable(id);
    const size = await stat(path).then(
      (stats) => stats.size,
      () => {
        throw new DomainError('NOT_FOUND', `the file of export "${id}" is gone`);
      },
    );
    return new StreamableFile(createReadStream(path), {
      type: CONTENT_TYPES[entity.format as ExportFormat],
      disposition: `attachment; filename="${entity.fileName ?? `${id}`}"`,
      length: size,
    });
  }
}
