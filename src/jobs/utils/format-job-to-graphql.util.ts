import type { ImportJobResult } from '../../imports/utils/import-job-result.util';
import { roleAllows, type ApiRole } from '../../common/auth/role';
import type { JobEntity } from '../entities/job.entity';
import { ImportFormatEnum, type ImportSummaryOutput } from '../dtos/outputs/import-summary.output';
import { JobKindEnum, JobStatusEnum, type JobOutput } from '../dtos/outputs/job.output';

/**
 * A job as GraphQL shows it. An import's summary quotes the uploaded lines' problems: it is shown
 * only to `viewer` roles that may upload (OPERATOR and ADMIN; the default, for the mutations that
 * answer with their own job).
 */
export function formatJobToGraphql(job: JobEntity, viewer: ApiRole = 'admin'): JobOutput {
  const result = job.result as { messages?: unknown } | null;
  return {
    id: job.id,
    kind: job.kind as JobKindEnum,
    status: job.status as JobStatusEnum,
    progress: Number(job.progress),
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error,
    attempts: job.attempts,
    messages: typeof result?.messages === 'number' ? result.messages : null,
    import:
      job.kind === 'IMPORT' &&
      job.status === 'DONE' &&
      job.result !== null &&
      roleAllows(viewer, 'operator')
        ? formatImportSummary(job.result as ImportJobResult)
        : null,
  };
}

function formatImportSummary(result: ImportJobResult): ImportSummaryOutput {
  return {
    format:
      result.format === 'csv' ? ImportFormatEnum.SEND_LOG_CSV : ImportFormatEnum.WEBHOOK_JSONL,
    linesRead: result.linesRead,
    stored: result.stored,
    duplicates: result.duplicates,
    rejectedLines: result.rejectedLines,
    messagesChanged: result.messagesChanged,
    repricedMessages: result.repricedMessages,
    problemCount: result.problemCount,
    problems: result.problems.map(({ line, message }) => ({ line, message })),
  };
}
