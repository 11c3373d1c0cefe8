import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

/** Business-app address book entries synced through smb_app_state_sync. */
@Entity('contacts')
export class ContactEntity {
  @PrimaryColumn({ name: 'phone_number_id', type: 'varchar', length: 64 })
  phoneNumberId!: string;

  @PrimaryColumn({ name: 'contact', type: 'varchar', length: 32 })
  contact!: string;

  @Column({ name: 'full_name', type: 'varchar', length: 256, nullable: true })
  fullName!: string | null;

  @Column({ type: 'boolean', default: false })
  removed!: boolean;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMillisTransformer })
  updatedAt!: Date;
}
