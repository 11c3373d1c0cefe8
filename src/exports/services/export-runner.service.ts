import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Repository } from 'typeorm';
import type { Caller } from '../../common/auth/caller.decorator';
import { DomainError } from '../../common/errors/domain.error';
import type { ExportFormat } from '../../common/graphql/enums';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { ExportEntity } from '../entities/export.entity';
import { ExportStatus } from '../enums/export-status.enum';
import { EXTENSIONS, exportFileName } from '../utils/export-file-name.util';
import {
  validateExportRequest,
  type ExportRequest,
  type ExportRequestInput,
} from '../utils/validate-export-request.util';
import { ExportWriterService } from './export-writer.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Records an export as PENDING, then runs it in the background (one at a time, so a large export
 * cannot starve the API): RUNNING, then DONE with its row count or FAILED with the reason.
 * Files go to DATA_DIR/exports/<id>.<ext>, written under a temporary name and renamed when done.
 */
@Injectable()
export class ExportRunnerService implements OnApplicationShutdown {
  private readonly logger = new Logger(ExportRunnerService.name);
  private queue: Promise<void> = Promise.resolve();

  constructor(
    @InjectRepository(ExportEntity) private readonly exports: Repository<ExportEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writer: ExportWriterService,
  ) {}

  /** Records an export for `owner` (the key asking; null: the service's own) and queues it. */
  async create(input: ExportRequestInput, owner: Caller | null): Promise<ExportEntity> {
    const request = validateExportRequest(input);
    const entity = await this.exports.save(
      this.exports.create({
        id: randomUUID(),
        kind: request.kind,
        format: request.format,
        status: ExportStatus.PENDING,
        params: request,
        fileName: exportFileName(request),
        rows: null,
        error: null,
        createdAt: new Date(),
        completedAt: null,
        ownerKeyId: owner?.id ?? null,
      }),
    );
    this.queue = this.queue.then(() => this.run(entity.id, request));
    return entity;
  }

  /** Creates an export of the service's own (seen by admin keys) and waits until it is DONE or FAILED (a month close's documents). */
  async createAndWait(input: ExportRequestInput): Promise<ExportEntity> {
    const entity = await this.create(input, null);
    await this.idle();
    return this.exports.findOneByOrFail({ id: entity.id });
  }

  /**
   * An export as `viewer` may see it: its own exports, or any for an admin key. Another key's
   * export is answered as if it did not exist (null), so its id says nothing.
   */
  async find(id: string, viewer: Caller): Promise<ExportEntity | null> {
    // Export ids are UUIDs: anything else (a NUL byte PostgreSQL cannot compare) is no export.
    if (!UUID.test(id)) return null;
    const entity = await this.exports.findOneBy({ id });
    if (entity === null) return null;
    return viewer.role === 'admin' || entity.ownerKeyId === viewer.id ? entity : null;
  }

  /** The finished file of an export `viewer` may see, or a NOT_FOUND / EXPORT_NOT_READY error. */
  async downloadable(id: string, viewer: Caller): Promise<{ entity: ExportEntity; path: string }> {
    const entity = await this.find(id, viewer);
    if (!entity) throw new DomainError('NOT_FOUND', `no export "${id}"`);
    if (entity.status !== 'DONE') {
      throw new DomainError('EXPORT_NOT_READY', `export "${id}" is ${entity.status}, not DONE`);
    }
    return { entity, path: this.filePath(entity.id, entity.format as ExportFormat) };
  }

  /** Resolves when every export queued so far has finished. */
  async idle(): Promise<void> {
    await this.queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.idle();
  }

  private filePath(id: string, format: ExportFormat): string {
    return join(this.config.dataDir, 'exports', `${id}.${EXTENSIONS[format]}`);
  }

  private async run(id: string, request: ExportRequest): Promise<void> {
    const path = this.filePath(id, request.format);
    const partial = `${path}.part`;
    try {
      await this.exports.update({ id }, { status: ExportStatus.RUNNING });
      await mkdir(join(this.config.dataDir, 'exports'), { recursive: true });
      const { rows } = await this.writer.write(request, partial);
      await rename(partial, path);
      await this.exports.update(
        { id },
        { status: ExportStatus.DONE, rows, completedAt: new Date() },
      );
    } catch (error) {
      this.logger.error(`export ${id} failed: ${String(error)}`);
      await rm(partial, { force: true });
      await this.exports
        .update(
          { id },
          {
            status: ExportStatus.FAILED,
            error:
              error instanceof DomainError ? error.message : 'internal error; see the server log',
            completedAt: new Date(),
          },
        )
        .catch((updateError: unknown) =>
          this.logger.error(`export ${id}: could not record the failure: ${String(updateError)}`),
        );
    }
  }
}
