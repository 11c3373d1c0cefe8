import type { ImportJobResult } from '../../imports/utils/import-job-result.util';
import type { JobEntity } from '../entities/job.entity';
import { ImportFormatEnum, type ImportSummaryOutput } from '../dtos/outputs/import-summary.output';
import { JobKindEnum, JobStatusEnum, type JobOutput } from '../dtos/outputs/job.output';

export function formatJobToGraphql(job: JobEntity): JobOutput {
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
      job.kind === 'IMPORT' && job.status === 'DONE' && job.result !== null
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
