import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

/**
 * Each pull of pricing_analytics from the Graph API and each file import: what range it covers,
 * how it went. A scheduled pull is claimed by inserting its row (unique WABA × kind × period), so
 * several service processes pull a WABA's day or month once.
 */
@Entity('meta_analytics_pulls')
@Index('uq_meta_analytics_pulls_claim', ['wabaId', 'kind', 'period'], { unique: true })
export class MetaAnalyticsPullEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  /** DAILY (the last days, once a UTC day), MONTH (a closed month), MANUAL or FILE. */
  @Column({ type: 'varchar', length: 16 })
  kind!: string;

  /** DAILY: the UTC date; MONTH: YYYY-MM; MANUAL and FILE: a unique id. */
  @Column({ type: 'varchar', length: 64 })
  period!: string;

  /** The instants the data covers: the requested range, or a file's first and last bucket. */
  @Column({ name: 'range_start', type: 'bigint', transformer: epochMillisTransformer })
  rangeStart!: Date;

  @Column({ name: 'range_end', type: 'bigint', transformer: epochMillisTransformer })
  rangeEnd!: Date;

  /** RUNNING, DONE or FAILED. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ type: 'integer', default: 0 })
  pages!: number;

  @Column({ name: 'data_points', type: 'integer', default: 0 })
  dataPoints!: number;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'started_at', type: 'bigint', transformer: epochMillisTransformer })
  startedAt!: Date;

  @Column({
    name: 'finished_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  finishedAt!: Date | null;
}
