import { registerEnumType } from '@nestjs/graphql';

/**
 * The likeliest cause of a difference between Meta's pricing_analytics and our charges for one
 * day × country × pricing category × pricing type × tier (see docs/meta-reconciliation.md).
 */
export enum MetaReconciliationCause {
  /** Same volume; the costs differ by no more than Meta's rounding of each data point. */
  WITHIN_META_ROUNDING = 'WITHIN_META_ROUNDING',
  /** No pull or import of Meta's analytics covers the day. */
  META_DATA_MISSING = 'META_DATA_MISSING',
  /** Counted over Meta's own day bucket (not the WABA's local day), our volume is Meta's. */
  TIMEZONE_EDGE = 'TIMEZONE_EDGE',
  /** Some of our messages are unpriced (NO_RATE): the rate card in force has no rate. */
  RATE_CARD_MISSING = 'RATE_CARD_MISSING',
  /** Same volume, another cost: our rate card's rate is not the one Meta applied. */
  RATE_DIFFERS = 'RATE_DIFFERS',
  /** Meta placed the messages in another volume tier band of the same category. */
  TIER_PLACE = 'TIER_PLACE',
  /** Meta and we disagree on a free entry point window (REGULAR against FREE_ENTRY_POINT). */
  FREE_ENTRY_POINT = 'FREE_ENTRY_POINT',
  /** Meta and we disagree on whether the messages were free (a customer service window) or billed. */
  PRICING_TYPE_DIFFERS = 'PRICING_TYPE_DIFFERS',
  /** Meta counted the messages under another pricing category. */
  CATEGORY_DIFFERS = 'CATEGORY_DIFFERS',
  /** Meta counts more delivered messages than we recorded. */
  MESSAGES_NOT_SEEN = 'MESSAGES_NOT_SEEN',
  /** We count more delivered messages than Meta. */
  NOT_IN_META = 'NOT_IN_META',
}

registerEnumType(MetaReconciliationCause, {
  name: 'MetaReconciliationCause',
  description:
    "The likeliest cause of a difference between Meta's pricing_analytics and our charges (docs/meta-reconciliation.md).",
});
