import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';
import type { ApiRole } from '../../common/auth/role';

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: ApiRole;

  /** SHA-256 of the key; keys are long random secrets, so a slow hash adds nothing. */
  @Column({ name: 'key_hash', type: 'varchar', length: 64, unique: true })
  keyHash!: string;

  /**
   * A short public name for the key ("key_" and 12 random hex digits), shown in lists and logs to
   * tell keys apart; random, so it says nothing about the secret (no part of the secret is kept).
   */
  @Index('uq_api_keys_key_id', { unique: true })
  @Column({ name: 'key_id', type: 'varchar', length: 16 })
  keyId!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;

  @Column({
    name: 'revoked_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  revokedAt!: Date | null;
}
