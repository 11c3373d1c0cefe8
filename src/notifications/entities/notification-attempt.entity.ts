import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

/** The delivery log: every attempt to send a notification, and how it went. */
@Entity('notification_attempts')
@Index('idx_notification_attempts_delivery', ['deliveryId'])
export class NotificationAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'delivery_id', type: 'integer' })
  deliveryId!: number;

  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ name: 'attempted_at', type: 'bigint', transformer: epochMillisTransformer })
  attemptedAt!: Date;

  @Column({ type: 'boolean' })
  succeeded!: boolean;

  /** The callback's HTTP status, or the SMTP reply code; null when no answer came. */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs!: number;
}
