import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer, jsonTextTransformer } from '../../database/column-transformers';
import type { StatementExportIds } from './month-close.entity';

/** Every statement a month close issued: revision 1 at the close, then one per change. */
@Entity('statement_revisions')
@Index('uq_statement_revisions', ['wabaId', 'month', 'revision'], { unique: true })
export class StatementRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'statement_number', type: 'varchar', length: 128 })
  statementNumber!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ name: 'exact_total', type: 'varchar', length: 40 })
  exactTotal!: string;

  @Column({ type: 'varchar', length: 40 })
  total!: string;

  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ name: 'export_ids', type: 'text', transformer: jsonTextTransformer })
  exportIds!: StatementExportIds;

  @Column({ name: 'issued_at', type: 'bigint', transformer: epochMillisTransformer })
  issuedAt!: Date;
}
