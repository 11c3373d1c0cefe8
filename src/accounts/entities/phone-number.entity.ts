import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { epochMillisTransformer } from '../../database/column-transformers';

@Entity('phone_numbers')
export class PhoneNumberEntity {
  @PrimaryColumn({ name: 'phone_number_id', type: 'varchar', length: 64 })
  phoneNumberId!: string;

  @Index('idx_phone_numbers_waba')
  @Column({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  @Column({ name: 'display_phone_number', type: 'varchar', length: 32, nullable: true })
  displayPhoneNumber!: string | null;

  @Column({ type: 'boolean', default: false })
  coexistence!: boolean;

  @Column({
    name: 'onboarded_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  onboardedAt!: Date | null;

  @Column({
    name: 'offboarded_at',
    type: 'bigint',
    nullable: true,
    transformer: epochMillisTransformer,
  })
  offboardedAt!: Date | null;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMillisTransformer })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'bigint', transformer: epochMillisTransformer })
  updatedAt!: Date;
}
