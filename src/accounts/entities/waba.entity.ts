import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer, jsonTextTransformer } from '../../database/column-transformers';
import { DEFAULT_FREE_SERVICE_ALLOWANCE } from '../../pricing/regimes/regime';

export interface AuthInternationalStart {
  country: string;
  startsAt: string;
}

@Entity('wabas')
export class WabaEntity {
  @PrimaryColumn({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  @Index('idx_wabas_portfolio')
  @Column({ name: 'portfolio_id', type: 'varchar', length: 64 })
  portfolioId!: string;

  /** Display name (the business's name for the account); statements fall back to the id. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  name!: string | null;

  @Column({ type: 'varchar', length: 64, default: 'UTC' })
  timezone!: string;

  @Column({ type: 'varchar', length: 3, default: 'USD' })
  currency!: string;

  @Column({ name: 'primary_business_country', type: 'varchar', length: 2, nullable: true })
  primaryBusinessCountry!: string | null;

  @Column({
    name: 'auth_international_starts',
    type: 'text',
    default: '[]',
    transformer: jsonTextTransformer,
  })
  authInternationalStarts!: AuthInternationalStart[];

  @Column({
    name: 'free_service_allowance',
    type: 'integer',
    default: DEFAULT_FREE_SERVICE_ALLOWANCE,
  })
  freeServiceAllowance!: number;

  /**
   * The Graph API access token (pricing_analytics), encrypted with TOKEN_ENCRYPTION_KEY
   * (AES-256-GCM, see encryptAccessToken); never returned by the API nor logged.
   */
  @Column({ name: 'access_token_ciphertext', type: 'text', nullable: true })
  accessTokenCiphertext!: string | null;

  /** ACTIVE, or REJECTED once Meta refused the token (expired or revoked); null without one. */
  @Column({ name: 'access_token_status', type: 'varchar', length: 16, nullable: true })
  accessTokenStatus!: string | null;

  /** Meta's answer when it refused the token. */
  @Column({ name: 'access_token_error', type: 'varchar', length: 500, nullable: true })
  accessTokenError!: string | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMillisTransformer })
  updatedAt!: Date;
}
