import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
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
import { JobInterrupted, JobRunner } from '../../jobs/services/job-runner.service';
import { JobsService } from '../../jobs/services/jobs.service';
import type { JobContext } from '../../jobs/job.types';
import { ExportWriterService, type ExportProgress } from './export-writer.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How often a running export proves its process alive (and learns of a stop), in rows. */
const REPORT_EVERY_ROWS = 5000;

/**
 * Records an export as PENDING and queues an EXPORT job with the export's id, which any service
 * process runs (one job at a time per process, so a large export cannot starve the API):
 * RUNNING, then DONE with its row count or FAILED with the reason. An export whose process
 * stopped is written again from the start by the process that resumes its job. Files go to
 * DATA_DIR/exports/<id>.<ext>, written under a temporary name and renamed when done (processes
 * that share a database share DATA_DIR, where downloads are read).
 */
@Injectable()
export class ExportRunnerService implements OnModuleInit {
  private readonly logger = new Logger(ExportRunnerService.name);

  constructor(
    @InjectRepository(ExportEntity) private readonly exports: Repository<ExportEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writer: ExportWriterService,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register('EXPORT', (payload, context) =>
      this.runJob((payload as { exportId: string }).exportId, context),
    );
  }

  /** Records an export for `owner` (the key asking; null: the service's own) and queues it. */
  async create(input: ExportRequestInput, owner: Caller | null): Promise<ExportEntity> {
    const entity = await this.record(validateExportRequest(input), owner);
    await this.jobs.enqueue('EXPORT', { exportId: entity.id }, entity.id);
    return entity;
  }

  private record(request: ExportRequest, owner: Caller | null): Promise<ExportEntity> {
    return this.exports.save(
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
  }

  /**
   * Creates an export of the service's own (seen by admin keys) and writes it in this call,
   * without a job: a month close's documents, which the scheduler's step waits for.
   */
  async createAndWait(input: ExportRequestInput): Promise<ExportEntity> {
    const request = validateExportRequest(input);
    const entity = await this.record(request, null);
    await this.run(entity.id, request);
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

  /** Resolves when no job (exports included) waits or runs. */
  async idle(): Promise<void> {
    await this.runner.idle();
  }

  /** An EXPORT job: the export as recorded (a resumed job writes it again from the start). */
  private async runJob(id: string, context: JobContext): Promise<{ rows: number | null }> {
    const entity = await this.exports.findOneBy({ id });
    if (entity === null) throw new DomainError('NOT_FOUND', `no export "${id}"`);
    const request = entity.params as ExportRequest;
    let reported = 0;
    await this.run(id, request, async (rows) => {
      if (rows - reported < REPORT_EVERY_ROWS) return;
      reported = rows;
      await context.report(0);
    });
    const done = await this.exports.findOneByOrFail({ id });
    if (done.status !== 'DONE') {
      throw new Error(done.error ?? `export "${id}" failed`);
    }
    return { rows: done.rows };
  }

  private filePath(id: string, format: ExportFormat): string {
    return join(this.config.dataDir, 'exports', `${id}.${EXTENSIONS[format]}`);
  }

  private async run(
    id: string,
    request: ExportRequest,
    onProgress?: ExportProgress,
  ): Promise<void> {
    const path = this.filePath(id, request.format);
    const partial = `${path}.part`;
    try {
      await this.exports.update({ id }, { status: ExportStatus.RUNNING });
      await mkdir(join(this.config.dataDir, 'exports'), { recursive: true });
      const { rows } = await this.writer.write(request, partial, onProgress);
      await rename(partial, path);
      await this.exports.update(
        { id },
        { status: ExportStatus.DONE, rows, completedAt: new Date() },
      );
    } catch (error) {
      await rm(partial, { force: true });
      if (error instanceof JobInterrupted) {
        // The process stops: the job is handed back and the export written again by its next run.
        await this.exports.update({ id }, { status: ExportStatus.PENDING });
        throw error;
      }
      this.logger.error(`export ${id} failed: ${String(error)}`);
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
