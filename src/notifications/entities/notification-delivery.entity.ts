import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

/**
 * One notification to send on one channel. The event key (e.g. `statement:W-123:2026-03:R1`) is
 * unique per channel, so an event raised twice, by two processes or two ticks, is sent once;
 * the row carries the retries (exponential backoff) and survives restarts.
 */
@Entity('notification_deliveries')
@Index('uq_notification_deliveries_event', ['eventKey', 'channel'], { unique: true })
@Index('idx_notification_deliveries_due', ['status', 'nextAttemptAt'])
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'event_key', type: 'varchar', length: 200 })
  eventKey!: string;

  /** statement.issued, statement.revised, budget.threshold. */
  @Column({ name: 'event_type', type: 'varchar', length: 64 })
  eventType!: string;

  /** WEBHOOK (the signed HTTP callback) or EMAIL. */
  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  /** WEBHOOK: the exact JSON body sent (and signed) on every attempt; EMAIL: the message. */
  @Column({ type: 'text' })
  payload!: string;

  /** PENDING, SENDING (claimed by a process until lease_until), DELIVERED or FAILED. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'bigint', transformer: epochMillisTransformer })
  nextAttemptAt!: Date;

  @Column({
    name: 'lease_until',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  leaseUntil!: Date | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;

  @Column({
    name: 'delivered_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  deliveredAt!: Date | null;
}
