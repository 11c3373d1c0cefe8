import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer, jsonTextTransformer } from '../../database/column-transformers';
import type { JobKind, JobStatus } from '../job.types';

const instant = (name: string) =>
  ({ name, type: 'bigint', nullable: true, transformer: epochMillisTransformer }) as const;

/**
 * Long work run by whichever service process claims it first: re-rates, exports. A process that
 * stops keeps no claim: its heartbeat goes stale and another process (or the next start) resumes
 * the job from its checkpoint.
 */
@Entity('jobs')
@Index('idx_jobs_status_created', ['status', 'createdAt'])
export class JobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: JobKind;

  @Column({ type: 'varchar', length: 16 })
  status!: JobStatus;

  /** What to do, as the job kind's handler reads it. */
  @Column({ type: 'text', transformer: jsonTextTransformer })
  payload!: unknown;

  /** Where the handler got to (e.g. the last month re-rated), so a resumed job goes on from it. */
  @Column({ type: 'text', nullable: true, transformer: jsonTextTransformer })
  checkpoint!: unknown;

  /** Share done, from 0 to 1. */
  @Column({ type: 'double precision', default: 0 })
  progress!: number;

  @Column({ type: 'text', nullable: true, transformer: jsonTextTransformer })
  result!: unknown;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /** Times a process started it (a stop mid-way makes the next start a resumption). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'claimed_by', type: 'varchar', length: 128, nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;

  @Column(instant('started_at'))
  startedAt!: Date | null;

  @Column(instant('heartbeat_at'))
  heartbeatAt!: Date | null;

  @Column(instant('finished_at'))
  finishedAt!: Date | null;
}
