export const JOB_KINDS = [
  'REPRICE',
  'RATE_CARD_REPRICE',
  'ACCOUNT_REPRICE',
  'EXPORT',
  'IMPORT',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const JOB_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What a running job may tell its runner. */
export interface JobContext {
  /** The checkpoint a resumed job goes on from (null on a first start). */
  readonly checkpoint: unknown;
  /** Records progress (0..1) and, when given, a new checkpoint; also proves the process alive. */
  report(progress: number, checkpoint?: unknown): Promise<void>;
}

/** Runs one kind of job; its result is stored with the job. */
export type JobHandler = (payload: unknown, context: JobContext) => Promise<unknown>;

/** Tidies after a job of one kind is recorded DONE or FAILED (its payload as given). */
export type JobEndHandler = (payload: unknown) => Promise<void>;
