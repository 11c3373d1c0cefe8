import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

/** Append-only log of every webhook body as received, so anything can be replayed. */
@Entity('raw_events')
export class RawEventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'received_at', type: 'bigint', transformer: epochMillisTransformer })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  source!: 'webhook' | 'import';

  /** Meta retries deliveries: a body already logged is not logged again. */
  @Index('uq_raw_events_sha256', { unique: true })
  @Column({ name: 'body_sha256', type: 'varchar', length: 64 })
  bodySha256!: string;

  @Column({ type: 'text' })
  body!: string;

  /** Null until the body's events are applied; start-up resumes the unprocessed ones. */
  @Index('idx_raw_events_processed')
  @Column({
    name: 'processed_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  processedAt!: Date | null;

  /** Failed applications; each schedules the next (see WebhookQueue's retry schedule). */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** When the next attempt is due after a failed one; null: due now. */
  @Column({
    name: 'next_attempt_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  nextAttemptAt!: Date | null;

  /**
   * When the body was set aside, having failed every attempt of the schedule: the queue leaves it
   * to an operator, who replays or discards it.
   */
  @Column({
    name: 'set_aside_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  setAsideAt!: Date | null;

  /** A discarded body is never applied; who discarded it, when and why are kept. */
  @Column({
    name: 'discarded_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  discardedAt!: Date | null;

  @Column({ name: 'discarded_by', type: 'varchar', length: 200, nullable: true })
  discardedBy!: string | null;

  @Column({ name: 'discard_reason', type: 'text', nullable: true })
  discardReason!: string | null;
}
