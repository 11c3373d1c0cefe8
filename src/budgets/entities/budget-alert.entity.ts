import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

/**
 * A threshold a budget crossed in a month. Unique per budget × month × threshold: inserting it
 * is the claim that fires the notification once, whatever the process or tick.
 */
@Entity('budget_alerts')
@Index('uq_budget_alerts', ['budgetId', 'month', 'threshold'], { unique: true })
export class BudgetAlertEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @Column({ name: 'budget_id', type: 'integer' })
  budgetId!: number;

  @Column({ type: 'varchar', length: 7 })
  month!: string;

  /** 50, 80 or 100 (% of the budget). */
  @Column({ type: 'integer' })
  threshold!: number;

  /** SPEND when the month's spend crossed it, FORECAST when only the forecast did. */
  @Column({ type: 'varchar', length: 16 })
  basis!: string;

  @Column({ type: 'varchar', length: 40 })
  spend!: string;

  @Column({ type: 'varchar', length: 40, nullable: true })
  forecast!: string | null;

  /** The budget when it fired. */
  @Column({ type: 'varchar', length: 40 })
  budget!: string;

  @Column({ name: 'fired_at', type: 'bigint', transformer: epochMillisTransformer })
  firedAt!: Date;
}
