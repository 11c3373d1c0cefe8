import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

const keyColumn = (name: string, length: number) =>
  ({ name, type: 'varchar', length, default: '' }) as const;

/**
 * Meta's pricing_analytics data points (DAILY buckets), one row per WABA × bucket × phone number
 * × country × pricing category × pricing type × tier: the same bucket pulled or imported twice is
 * one row (the later figures win). Absent dimensions are stored as ''.
 */
@Entity('meta_pricing_analytics')
@Index(
  'uq_meta_pricing_analytics_key',
  [
    'wabaId',
    'bucketStart',
    'bucketEnd',
    'phoneNumber',
    'country',
    'pricingCategory',
    'pricingType',
    'tier',
  ],
  { unique: true },
)
export class MetaPricingAnalyticsEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  /** Meta's `start` and `end`, as epoch milliseconds. */
  @Column({ name: 'bucket_start', type: 'bigint', transformer: epochMillisTransformer })
  bucketStart!: Date;

  @Column({ name: 'bucket_end', type: 'bigint', transformer: epochMillisTransformer })
  bucketEnd!: Date;

  @Column(keyColumn('phone_number', 32))
  phoneNumber!: string;

  @Column(keyColumn('country', 8))
  country!: string;

  @Column(keyColumn('pricing_category', 48))
  pricingCategory!: string;

  @Column(keyColumn('pricing_type', 48))
  pricingType!: string;

  @Column(keyColumn('tier', 48))
  tier!: string;

  @Column({ type: 'integer' })
  volume!: number;

  /** Meta's approximate cost, exact decimal text in the WABA's currency. */
  @Column({ type: 'varchar', length: 40 })
  cost!: string;

  /** API (pulled from the Graph API) or FILE (npm run analytics:import). */
  @Column({ type: 'varchar', length: 8 })
  source!: string;

  @Column({ name: 'fetched_at', type: 'bigint', transformer: epochMillisTransformer })
  fetchedAt!: Date;
}
