import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

/** A monthly budget for a WABA or a portfolio, in its billing currency. */
@Entity('budgets')
@Index('uq_budgets_scope', ['scope', 'scopeId'], { unique: true })
export class BudgetEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** WABA or PORTFOLIO. */
  @Column({ type: 'varchar', length: 16 })
  scope!: string;

  @Column({ name: 'scope_id', type: 'varchar', length: 64 })
  scopeId!: string;

  /** The monthly amount, an exact decimal. */
  @Column({ type: 'varchar', length: 40 })
  amount!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** The month's forecast (ForecastService), kept for a day: it reads months of messages. */
  @Column({ name: 'forecast_amount', type: 'varchar', length: 40, nullable: true })
  forecastAmount!: string | null;

  @Column({ name: 'forecast_month', type: 'varchar', length: 7, nullable: true })
  forecastMonth!: string | null;

  @Column({
    name: 'forecast_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  forecastAt!: Date | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMillisTransformer })
  updatedAt!: Date;
}
