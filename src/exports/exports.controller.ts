import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { CurrentCaller, SERVICE_CALLER, type Caller } from '../common/auth/caller.decorator';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import type { ExportFormat } from '../common/graphql/enums';
import { DownloadLinkService } from './services/download-link.service';
import { ExportRunnerService } from './services/export-runner.service';
import type { ExportEntity } from './entities/export.entity';
import { CONTENT_TYPES } from './utils/export-file-name.util';

@Controller('exports')
export class ExportsController {
  constructor(
    private readonly runner: ExportRunnerService,
    private readonly links: DownloadLinkService,
  ) {}

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
    return streamFile(id, entity, path);
  }

  /**
   * Streams a finished export to whoever holds a signed link to it (Export.downloadUrl): no API
   * key, so a browser downloads it by a click. 403 for a wrong or expired link.
   */
  @Get(':id/file')
  async signedDownload(
    @Param('id') id: string,
    @Query('expires') expires: string | undefined,
    @Query('signature') signature: string | undefined,
  ): Promise<StreamableFile> {
    const { entity, path } = await this.runner.downloadable(id, SERVICE_CALLER);
    this.links.verify(entity, expires, signature);
    return streamFile(id, entity, path);
  }
}

async function streamFile(id: string, entity: ExportEntity, path: string): Promise<StreamableFile> {
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
