import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer } from '../column-transformers';

/**
 * Secrets every service process of one database shares and that outlive a restart, drawn at
 * random by the first process that needs one (e.g. the key of signed download links).
 */
@Entity('service_secrets')
export class ServiceSecretEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  /** 32 random bytes as hex. */
  @Column({ type: 'varchar', length: 64 })
  value!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;
}
