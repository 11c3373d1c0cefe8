import type { JobEntity } from '../entities/job.entity';
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
  };
}
