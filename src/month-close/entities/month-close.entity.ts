import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer, jsonTextTransformer } from '../../database/column-transformers';

/** The stored exports of one statement revision, by format. */
export interface StatementExportIds {
  PDF: string;
  XLSX: string;
  CSV: string;
}

/**
 * A WABA's closed month. Inserting the row (unique WABA × month) is the claim that makes one
 * process, once, re-rate the month, issue its statement and notify; a claim whose lease ran out
 * (the process died) is taken over. It then holds the current revision of the statement.
 */
@Entity('month_closes')
@Index('uq_month_closes_waba_month', ['wabaId', 'month'], { unique: true })
export class MonthCloseEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  /** YYYY-MM, the WABA's local month. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  /** RUNNING (claimed until lease_until), DONE or FAILED. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  /** The statement's revision: 1 at the close, 2 and up once late facts changed its figures. */
  @Column({ type: 'integer', default: 0 })
  revision!: number;

  @Column({ name: 'statement_number', type: 'varchar', length: 128, nullable: true })
  statementNumber!: string | null;

  @Column({ type: 'varchar', length: 3, nullable: true })
  currency!: string | null;

  @Column({ name: 'exact_total', type: 'varchar', length: 40, nullable: true })
  exactTotal!: string | null;

  /** SHA-256 of the statement's figures: a later difference issues a new revision. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  fingerprint!: string | null;

  @Column({ name: 'export_ids', type: 'text', nullable: true, transformer: jsonTextTransformer })
  exportIds!: StatementExportIds | null;

  @Column({ name: 'claimed_by', type: 'varchar', length: 120 })
  claimedBy!: string;

  @Column({ name: 'lease_until', type: 'bigint', transformer: epochMillisTransformer })
  leaseUntil!: Date;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({
    name: 'closed_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  closedAt!: Date | null;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMillisTransformer })
  updatedAt!: Date;
}
