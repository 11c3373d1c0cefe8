import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

@Entity('portfolios')
export class PortfolioEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;
}
