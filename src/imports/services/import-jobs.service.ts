import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '../../common/errors/domain.error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { BulkImportService } from '../../ingestion/services/bulk-import.service';
import type { JobEntity } from '../../jobs/entities/job.entity';
import type { JobContext } from '../../jobs/job.types';
import { JobRunner } from '../../jobs/services/job-runner.service';
import { JobsService } from '../../jobs/services/jobs.service';
import { importJobProgress } from '../utils/import-job-progress.util';
import { toImportJobResult, type ImportJobResult } from '../utils/import-job-result.util';
import type { ImportFileFormat } from '../utils/import-upload-format.util';

/** An IMPORT job's payload: its file, under DATA_DIR/imports. */
interface ImportPayload {
  fileName: string;
}

/** Written when a run starts: a later run of the job re-rates the file's whole span. */
interface ImportCheckpoint {
  /** The furthest progress any run reported (a resumed run reports none below it). */
  progress: number;
}

/** What an upload says of itself in its headers. */
export interface ImportUpload {
  format: ImportFileFormat;
  contentEncoding: string | undefined;
  contentLength: string | undefined;
}

const UUID = /^[0-9a-f-]{36}$/;
const STORED_FILE = /^[0-9a-f-]{36}\.(csv|jsonl)$/;
/** An upload's partial file this old belongs to no upload still under way. */
const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

/**
 * Imports uploaded over HTTP run as IMPORT jobs: the body is streamed to
 * DATA_DIR/imports/<job id>.csv|.jsonl (under a temporary name until complete), then any service
 * process imports it (`BulkImportService.importFile`) and deletes it once the job is DONE or
 * FAILED. A run interrupted by a stop is run again from the start of the file by the next
 * process: the lines already stored count as duplicates, and since the interrupted run may have
 * stored facts without re-rating them, the re-run re-rates the file's whole span. Its result
 * describes that last run.
 */
@Injectable()
export class ImportJobsService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(ImportJobsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly importer: BulkImportService,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
  ) {}

  onModuleInit(): void {
    this.runner.register(
      'IMPORT',
      (payload, context) => this.run(payload as ImportPayload, context),
      (payload) => rm(this.filePath(payload as ImportPayload), { force: true }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.removeFinishedFiles().catch((error: unknown) =>
      this.logger.warn(`could not tidy ${this.directory()}: ${String(error)}`),
    );
  }

  /** Stores an uploaded file and queues its IMPORT job (the job's id names the file). */
  async receive(body: Readable, upload: ImportUpload): Promise<JobEntity> {
    const limit = this.config.importMaxUploadBytes;
    refuseUpload(upload, limit);
    const id = randomUUID();
    const fileName = `${id}.${upload.format}`;
    const path = join(this.directory(), fileName);
    const partial = `${path}.part`;
    await mkdir(this.directory(), { recursive: true }).catch((error: unknown) => {
      throw this.storageError(error);
    });
    try {
      await pipeline(body, byteLimit(limit), createWriteStream(partial, { flags: 'wx' })).catch(
        (error: unknown) => {
          if (error instanceof DomainError) throw error;
          if (isOutOfSpace(error) || body.readableEnded) throw this.storageError(error);
          throw new DomainError('BAD_USER_INPUT', 'the upload was cut off before its end');
        },
      );
      if ((await stat(partial)).size === 0) {
        throw new DomainError(
          'BAD_USER_INPUT',
          'the body is empty: send the file to import as the request body',
        );
      }
      await rename(partial, path);
      return await this.jobs.enqueue('IMPORT', { fileName } satisfies ImportPayload, id);
    } catch (error) {
      await rm(partial, { force: true });
      await rm(path, { force: true });
      throw error;
    }
  }

  /** An IMPORT job by id, or NOT_FOUND. */
  async find(id: string): Promise<JobEntity> {
    const job = UUID.test(id) ? await this.jobs.find(id) : null;
    if (job === null || job.kind !== 'IMPORT')
      throw new DomainError('NOT_FOUND', `no import "${id}"`);
    return job;
  }

  private async run(payload: ImportPayload, context: JobContext): Promise<ImportJobResult> {
    const path = this.filePath(payload);
    const fileBytes = await stat(path).then(
      (stats) => stats.size,
      () => {
        throw new DomainError(
          'NOT_FOUND',
          `the uploaded file ${payload.fileName} is gone from ${this.directory()} (processes running jobs share DATA_DIR)`,
        );
      },
    );
    const checkpoint = context.checkpoint as ImportCheckpoint | null;
    let reached = checkpoint?.progress ?? 0;
    const report = async (progress: number) => {
      reached = Math.max(reached, progress);
      await context.report(reached, { progress: reached } satisfies ImportCheckpoint);
    };
    // Recorded before anything is stored: from now on a re-run cannot trust "nothing changed".
    await report(reached);
    // The file stays until the job is recorded DONE or FAILED (the runner's end handler).
    const summary = await this.importer.importFile(path, undefined, {
      rerateWholeSpan: checkpoint !== null,
      onStep: (step) => report(importJobProgress(step, fileBytes)),
    });
    return toImportJobResult(summary);
  }

  /**
   * The files of jobs that ended without their handler (FAILED after too many interrupted runs,
   * or deleted), and partial uploads abandoned by a process that died.
   */
  private async removeFinishedFiles(): Promise<void> {
    const now = Date.now();
    const names = await readdir(this.directory()).catch(() => [] as string[]);
    for (const name of names) {
      const path = join(this.directory(), name);
      if (name.endsWith('.part')) {
        const { mtimeMs } = await stat(path);
        if (now - mtimeMs > ABANDONED_UPLOAD_MS) await rm(path, { force: true });
        continue;
      }
      if (!STORED_FILE.test(name)) continue;
      const job = await this.jobs.find(name.slice(0, 36));
      const ended = job !== null && (job.status === 'DONE' || job.status === 'FAILED');
      // (A file without a job may be an upload whose job is being queued right now.)
      const orphaned = job === null && now - (await stat(path)).mtimeMs > ABANDONED_UPLOAD_MS;
      if (ended || orphaned) await rm(path, { force: true });
    }
  }

  private storageError(error: unknown): unknown {
    return isOutOfSpace(error)
      ? new DomainError(
          'INSUFFICIENT_STORAGE',
          `no room left in ${this.directory()} for the upload: free some space and send it again`,
        )
      : error;
  }

  private filePath(payload: ImportPayload): string {
    return join(this.directory(), payload.fileName);
  }

  private directory(): string {
    return join(this.config.dataDir, 'imports');
  }
}

/** Refuses, before reading it, an upload that is compressed or says it is too large. */
function refuseUpload(upload: ImportUpload, limit: number): void {
  const encoding = (upload.contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity') {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      `a compressed upload (Content-Encoding: ${encoding}) is not read: send the file as it is`,
    );
  }
  if (upload.contentLength !== undefined && Number(upload.contentLength) > limit)
    throw tooLarge(limit);
}

/** Passes the body on until it exceeds `limit` bytes, then fails with PAYLOAD_TOO_LARGE. */
function byteLimit(limit: number): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      callback(received > limit ? tooLarge(limit) : null, chunk);
    },
  });
}

function tooLarge(limit: number): DomainError {
  return new DomainError(
    'PAYLOAD_TOO_LARGE',
    `the upload is larger than ${limit} bytes (IMPORT_MAX_UPLOAD_BYTES): split the file, or use npm run import`,
  );
}

function isOutOfSpace(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}
