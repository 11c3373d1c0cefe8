import { Column, Entity, PrimaryColumn } from 'typeorm';
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

  @Column({ name: 'key_prefix', type: 'varchar', length: 12 })
  keyPrefix!: string;

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
