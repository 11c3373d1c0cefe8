import type { RateCardData } from '../rate-cards/rate-card.types';
import type {
  ChargeReason,
  ChargeSource,
  DeliveryState,
  Direction,
  MessageKind,
  MessageOrigin,
  PricingCategory,
  RateColumn,
  SendApi,
  TemplateCategory,
  TierFamily,
} from '../pricing.types';

export interface MetaPricingVerdict {
  billable: boolean | null;
  type: string | null;
  category: string | null;
  /** PMP, or CBP for a conversation opened under conversation-based pricing. */
  model?: string | null;
}

/** What the engine needs to know about one message; nothing here is derived. */
export interface EngineMessage {
  /** Unique and stable (the wamid); breaks ties between messages at the same instant. */
  id: string;
  phoneNumberId: string;
  /** The conversation: the customer (phone number, else BSUID), or the group. */
  contact: string;
  /**
   * Whom the message reaches, for its market: a phone number, else the country Meta gave
   * (`contacts[].profile.country_code`) for a customer known by a BSUID only. Absent: the
   * contact is the recipient's phone number.
   */
  recipient?: { phone: string | null; country: string | null };
  /** A Groups API message: each participant's delivery is a message of its own. */
  groupId?: string | null;
  direction: Direction;
  origin: MessageOrigin;
  kind: MessageKind | null;
  /** Category in force when the template was used (recategorisations already applied). */
  templateCategory: TemplateCategory | null;
  api: SendApi | null;
  /** An inbound message that came from a Click-to-WhatsApp ad or a Page button. */
  hasReferral: boolean;
  sentAt: Date;
  deliveredAt: Date | null;
  delivery: DeliveryState;
  metaPricing: MetaPricingVerdict | null;
}

export interface EngineAccount {
  portfolioId: string;
  wabaId: string;
  timezone: string;
  currency: string;
  primaryBusinessCountry: string | null;
  authInternationalStarts: { country: string; startsAt: Date }[];
  freeServiceAllowance: number;
}

export interface EngineRateCard {
  id: string;
  importedSeq: number;
  data: RateCardData;
}

export interface RateCardBook {
  /** The card in force for a currency on a local date, or null. */
  cardFor(currency: string, localDate: string): EngineRateCard | null;
}

/** A place in a counter whose position decides the price: a volume tier or a free allowance. */
export type SequenceKind = 'TIER' | 'ALLOWANCE';

/** The engine's verdict before the message's place in its counters is known. */
export interface Decision {
  reason: ChargeReason;
  billable: boolean;
  pricingCategory: PricingCategory | null;
  column: RateColumn | null;
  tierFamily: TierFamily | null;
  /** Service message that may fall within the phone number's monthly free allowance. */
  allowance: boolean;
  note: string;
}

export interface Classification {
  messageId: string;
  chargeAt: Date;
  localDate: string;
  month: string;
  market: string | null;
  country: string | null;
  recipientProblem: string | null;
  card: EngineRateCard | null;
  currency: string;
  estimate: Decision;
  meta: Decision | null;
  sequence: { kind: SequenceKind; group: string } | null;
}

export interface Charge {
  billable: boolean;
  reason: ChargeReason;
  pricingCategory: PricingCategory | null;
  market: string | null;
  country: string | null;
  rateCardId: string | null;
  tier: string | null;
  rate: string | null;
  amount: string;
  currency: string;
  source: ChargeSource;
  explanation: string;
  estimateBillable: boolean;
  estimateReason: ChargeReason;
  estimatePricingCategory: PricingCategory | null;
  chargeAt: Date;
  month: string;
  day: string;
  sequenceGroup: string | null;
  sequenceOrdinal: number | null;
}
