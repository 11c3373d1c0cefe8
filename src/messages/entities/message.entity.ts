import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { epochMillisTransformer, microsTransformer } from '../../database/column-transformers';
import type {
  ChargeReason,
  ChargeSource,
  Direction,
  MessageKind,
  MessageOrigin,
  PricingCategory,
  SendApi,
  TemplateCategory,
} from '../../pricing/pricing.types';

const instant = (name: string) =>
  ({ name, type: 'bigint', nullable: true, transformer: epochMillisTransformer }) as const;

/**
 * One row per message the number sent or received, merged from every source (webhooks, the
 * send log, imports), with its current charge inline: one charge per message, rewritten
 * whenever a fact that decides it changes.
 */
@Entity('messages')
@Index('uq_messages_wamid_phone', ['wamid', 'phoneNumberId'], { unique: true })
@Index('idx_messages_conversation', ['phoneNumberId', 'contact', 'sentAt'])
@Index('idx_messages_charge_at', ['chargeAt'])
@Index('idx_messages_waba_month_id', ['wabaId', 'chargeMonth', 'id'])
@Index('idx_messages_sequence', ['sequenceGroup', 'chargeAt'])
export class MessageEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  /** Meta's wamid; a group delivery's is the group message's wamid, `~` and the participant. */
  @Column({ type: 'varchar', length: 512 })
  wamid!: string;

  @Column({ name: 'phone_number_id', type: 'varchar', length: 64 })
  phoneNumberId!: string;

  @Column({ name: 'waba_id', type: 'varchar', length: 64 })
  wabaId!: string;

  @Column({ type: 'varchar', length: 8 })
  direction!: Direction;

  @Column({ type: 'varchar', length: 16 })
  origin!: MessageOrigin;

  /** Phone number digits, else the BSUID while no phone number is known; a group's id. */
  @Column({ type: 'varchar', length: 256 })
  contact!: string;

  @Column({ name: 'contact_user_id', type: 'varchar', length: 256, nullable: true })
  contactUserId!: string | null;

  @Column({ name: 'contact_country', type: 'varchar', length: 2, nullable: true })
  contactCountry!: string | null;

  @Column({ name: 'group_id', type: 'varchar', length: 256, nullable: true })
  groupId!: string | null;

  @Column({ type: 'varchar', length: 256, nullable: true })
  participant!: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  kind!: MessageKind | null;

  @Column({ name: 'message_type', type: 'varchar', length: 32, nullable: true })
  messageType!: string | null;

  @Column({ name: 'template_name', type: 'varchar', length: 512, nullable: true })
  templateName!: string | null;

  @Column({ name: 'template_language', type: 'varchar', length: 32, nullable: true })
  templateLanguage!: string | null;

  @Column({ name: 'template_category', type: 'varchar', length: 16, nullable: true })
  templateCategory!: TemplateCategory | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  api!: SendApi | null;

  @Column({ name: 'referral_source_type', type: 'varchar', length: 16, nullable: true })
  referralSourceType!: string | null;

  @Column({ name: 'referral_source_id', type: 'varchar', length: 128, nullable: true })
  referralSourceId!: string | null;

  @Column({ name: 'ctwa_clid', type: 'varchar', length: 512, nullable: true })
  ctwaClid!: string | null;

  @Column(instant('sent_at'))
  sentAt!: Date | null;

  @Column(instant('delivered_at'))
  deliveredAt!: Date | null;

  @Column(instant('read_at'))
  readAt!: Date | null;

  @Column(instant('failed_at'))
  failedAt!: Date | null;

  /** received (inbound), accepted (send log only), sent, delivered, read or failed. */
  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @Column({ name: 'error_code', type: 'integer', nullable: true })
  errorCode!: number | null;

  @Column({ name: 'meta_billable', type: 'boolean', nullable: true })
  metaBillable!: boolean | null;

  @Column({ name: 'meta_pricing_type', type: 'varchar', length: 48, nullable: true })
  metaPricingType!: string | null;

  @Column({ name: 'meta_pricing_category', type: 'varchar', length: 48, nullable: true })
  metaPricingCategory!: string | null;

  @Column({ name: 'meta_pricing_model', type: 'varchar', length: 8, nullable: true })
  metaPricingModel!: string | null;

  /** The status whose webhook carried the stored pricing: delivered/read outrank sent. */
  @Column({ name: 'meta_pricing_status', type: 'varchar', length: 16, nullable: true })
  metaPricingStatus!: string | null;

  @Column({ name: 'in_send_log', type: 'boolean', default: false })
  inSendLog!: boolean;

  // ---- the charge ---------------------------------------------------------------------------

  @Column({ name: 'charge_billable', type: 'boolean', default: false })
  chargeBillable!: boolean;

  @Column({ name: 'charge_reason', type: 'varchar', length: 32, default: 'PENDING' })
  chargeReason!: ChargeReason;

  @Column({ name: 'charge_pricing_category', type: 'varchar', length: 32, nullable: true })
  chargePricingCategory!: PricingCategory | null;

  @Column({ name: 'charge_market', type: 'varchar', length: 64, nullable: true })
  chargeMarket!: string | null;

  @Column({ name: 'charge_country', type: 'varchar', length: 2, nullable: true })
  chargeCountry!: string | null;

  @Column({ name: 'charge_rate_card_id', type: 'varchar', length: 36, nullable: true })
  chargeRateCardId!: string | null;

  @Column({ name: 'charge_tier', type: 'varchar', length: 48, nullable: true })
  chargeTier!: string | null;

  @Column({ name: 'charge_rate', type: 'varchar', length: 40, nullable: true })
  chargeRate!: string | null;

  /** Exact amount as a decimal string; the bigint twin below exists for exact SQL sums. */
  @Column({ name: 'charge_amount', type: 'varchar', length: 40, default: '0' })
  chargeAmount!: string;

  @Column({
    name: 'charge_amount_micros',
    type: 'bigint',
    default: 0,
    select: false,
    transformer: microsTransformer,
  })
  chargeAmountMicros!: string;

  @Column({ name: 'charge_currency', type: 'varchar', length: 3, default: 'USD' })
  chargeCurrency!: string;

  @Column({ name: 'charge_source', type: 'varchar', length: 8, default: 'ESTIMATE' })
  chargeSource!: ChargeSource;

  @Column({ name: 'charge_explanation', type: 'text', default: '' })
  chargeExplanation!: string;

  @Column({ name: 'estimate_billable', type: 'boolean', default: false })
  estimateBillable!: boolean;

  @Column({ name: 'estimate_reason', type: 'varchar', length: 32, default: 'PENDING' })
  estimateReason!: ChargeReason;

  @Column({ name: 'estimate_pricing_category', type: 'varchar', length: 32, nullable: true })
  estimatePricingCategory!: PricingCategory | null;

  /** The instant that places the charge in time: delivery, else send/receipt. */
  @Column(instant('charge_at'))
  chargeAt!: Date | null;

  /** YYYY-MM and YYYY-MM-DD of chargeAt in the WABA's timezone. */
  @Column({ name: 'charge_month', type: 'varchar', length: 7, nullable: true })
  chargeMonth!: string | null;

  @Column({ name: 'charge_day', type: 'varchar', length: 10, nullable: true })
  chargeDay!: string | null;

  /** md5 of the stored charge, so a re-rate can tell a changed charge without reading it all. */
  @Column({ name: 'charge_fingerprint', type: 'varchar', length: 32, nullable: true })
  chargeFingerprint!: string | null;

  /** The origin the stored charge was summed under in charge_rollups (origin can change later). */
  @Column({ name: 'charge_origin', type: 'varchar', length: 16, nullable: true })
  chargeOrigin!: string | null;

  @Column({ name: 'portfolio_id', type: 'varchar', length: 64, nullable: true })
  portfolioId!: string | null;

  /** Volume-tier or free-allowance counter this charge takes a place in, if any. */
  @Column({ name: 'sequence_group', type: 'varchar', length: 200, nullable: true })
  sequenceGroup!: string | null;

  @Column({ name: 'sequence_ordinal', type: 'integer', nullable: true })
  sequenceOrdinal!: number | null;
}
