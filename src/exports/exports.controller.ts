import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CurrentCaller, type Caller } from '../common/auth/caller.decorator';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import type { ExportFormat } from '../common/graphql/enums';
import { ExportRunnerService } from './services/export-runner.service';
import { CONTENT_TYPES } from './utils/export-file-name.util';

@Controller('exports')
export class ExportsController {
  constructor(private readonly runner: ExportRunnerService) {}

  /**
   * Streams a finished export to the key that made it (or an admin key): 404 for an unknown
   * export or another key's, 409 while it is not DONE.
   */
  @Get(':id/download')
  @RequireRole('finance')
  async download(
    @Param('id') id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<StreamableFile> {
    const { entity, path } = await this.runner.downloadable(id, caller);
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
