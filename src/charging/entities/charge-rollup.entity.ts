import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { microsTransformer } from '../../database/column-transformers';
import { ROLLUP_KEY_COLUMNS } from '../utils/charge-rollups.util';

const keyColumn = (name: string, length: number) =>
  ({ name, type: 'varchar', length, default: '' }) as const;

/**
 * Charges summed per day and every report dimension, kept current by the charging service in
 * the same transaction that rewrites a charge. Statements and month reports read it instead of
 * scanning messages. Absent values are stored as '' so the key is unique.
 */
@Entity('charge_rollups')
@Index('uq_charge_rollups_key', [...ROLLUP_KEY_COLUMNS], { unique: true })
@Index('idx_charge_rollups_portfolio_month', ['portfolio_id', 'charge_month'])
export class ChargeRollupEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column(keyColumn('waba_id', 64))
  waba_id!: string;

  @Column(keyColumn('portfolio_id', 64))
  portfolio_id!: string;

  @Column(keyColumn('phone_number_id', 64))
  phone_number_id!: string;

  @Column(keyColumn('charge_month', 7))
  charge_month!: string;

  @Column(keyColumn('charge_day', 10))
  charge_day!: string;

  @Column(keyColumn('charge_currency', 3))
  charge_currency!: string;

  @Column(keyColumn('charge_reason', 32))
  charge_reason!: string;

  @Column(keyColumn('charge_market', 64))
  charge_market!: string;

  @Column(keyColumn('charge_country', 2))
  charge_country!: string;

  @Column(keyColumn('charge_pricing_category', 32))
  charge_pricing_category!: string;

  @Column(keyColumn('charge_tier', 48))
  charge_tier!: string;

  @Column(keyColumn('charge_rate', 40))
  charge_rate!: string;

  @Column(keyColumn('origin', 16))
  origin!: string;

  @Column({ type: 'bigint', default: 0, transformer: microsTransformer })
  messages!: string;

  @Column({ name: 'billable_messages', type: 'bigint', default: 0, transformer: microsTransformer })
  billable_messages!: string;

  @Column({ name: 'free_messages', type: 'bigint', default: 0, transformer: microsTransformer })
  free_messages!: string;

  @Column({ name: 'amount_micros', type: 'bigint', default: 0, transformer: microsTransformer })
  amount_micros!: string;
}
