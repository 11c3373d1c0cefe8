import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer, jsonTextTransformer } from '../../database/column-transformers';
import type { RateCardData } from '../../pricing/rate-cards/rate-card.types';

@Entity('rate_cards')
@Index('idx_rate_cards_currency_effective', ['currency', 'effectiveFrom'])
export class RateCardEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  /** YYYY-MM-DD, 12am in each WABA's timezone. */
  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom!: string;

  /** Import order; among cards effective the same day the latest import wins. */
  @Column({ name: 'imported_seq', type: 'integer', unique: true })
  importedSeq!: number;

  @Column({ name: 'imported_at', type: 'bigint', transformer: epochMillisTransformer })
  importedAt!: Date;

  @Column({ name: 'built_in', type: 'boolean', default: false })
  builtIn!: boolean;

  @Column({ type: 'text' })
  provenance!: string;

  @Column({ type: 'text', transformer: jsonTextTransformer })
  data!: RateCardData;
}
