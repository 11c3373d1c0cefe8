import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer, jsonTextTransformer } from '../../database/column-transformers';

/** account_update events (tier updates, offboarding, eligibility) kept for operators. */
@Entity('account_events')
@Index('uq_account_events', ['wabaId', 'event', 'eventKey'], { unique: true })
export class AccountEventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  @Column({ type: 'varchar', length: 64 })
  event!: string;

  /** Distinguishes events of one kind; duplicates of the same event share it. */
  @Column({ name: 'event_key', type: 'varchar', length: 200 })
  eventKey!: string;

  @Column({ name: 'event_time', type: 'bigint', transformer: epochMillisTransformer })
  eventTime!: Date;

  @Column({ type: 'text', transformer: jsonTextTransformer })
  payload!: unknown;
}
