import { Column, Entity, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

/**
 * A customer's business-scoped user id (BSUID) and the phone number Meta named with it. BSUIDs
 * are unique per business portfolio and user, so one row per BSUID. Messages that knew only the
 * BSUID take the phone number as their contact once it is learnt, so that one customer is one
 * conversation whichever identity a webhook names.
 */
@Entity('contact_links')
export class ContactLinkEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 256 })
  userId!: string;

  @Column({ type: 'varchar', length: 64 })
  phone!: string;

  @Column({ name: 'linked_at', type: 'bigint', transformer: epochMillisTransformer })
  linkedAt!: Date;
}
