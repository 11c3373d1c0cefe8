import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer, jsonTextTransformer } from '../../database/column-transformers';

@Entity('exports')
export class ExportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ type: 'varchar', length: 8 })
  format!: string;

  /** PENDING, RUNNING, DONE or FAILED. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'text', transformer: jsonTextTransformer })
  params!: unknown;

  @Column({ name: 'file_name', type: 'varchar', length: 255, nullable: true })
  fileName!: string | null;

  @Column({ type: 'integer', nullable: true })
  rows!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  /**
   * The id of the API key that asked for the export: only that key (or an admin key) sees and
   * downloads it. Null when the owner is unknown (exports that predate the column): only admin
   * keys see those.
   */
  @Column({ name: 'owner_key_id', type: 'varchar', length: 36, nullable: true })
  ownerKeyId!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;

  @Column({
    name: 'completed_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  completedAt!: Date | null;
}
