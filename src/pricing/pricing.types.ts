export type Direction = 'INBOUND' | 'OUTBOUND';
export type MessageOrigin = 'CLOUD_API' | 'BUSINESS_APP' | 'HISTORY_IMPORT';
export type MessageKind = 'TEMPLATE' | 'NON_TEMPLATE';
export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type SendApi = 'CLOUD_API' | 'MM_LITE';
export type DeliveryState = 'PENDING' | 'DELIVERED' | 'FAILED';

export type PricingCategory =
  | 'MARKETING'
  | 'MARKETING_LITE'
  | 'UTILITY'
  | 'AUTHENTICATION'
  | 'AUTHENTICATION_INTERNATIONAL'
  | 'SERVICE'
  | 'GROUP_MARKETING'
  | 'GROUP_UTILITY'
  | 'GROUP_SERVICE';

/** The columns of Meta's rate card. MARKETING_LITE is billed at the MARKETING column. */
export type RateColumn =
  'MARKETING' | 'UTILITY' | 'AUTHENTICATION' | 'AUTHENTICATION_INTERNATIONAL' | 'SERVICE';

/** Volume tiers accrue per family: authentication and authentication-international share one. */
export type TierFamily = 'UTILITY' | 'AUTHENTICATION';

export type ChargeReason =
  | 'BILLED'
  | 'FREE_INBOUND'
  | 'FREE_BUSINESS_APP'
  | 'FREE_HISTORY_IMPORT'
  | 'FREE_CUSTOMER_SERVICE_WINDOW'
  | 'FREE_CBP_CONVERSATION'
  | 'FREE_ENTRY_POINT'
  | 'FREE_TIER'
  | 'NOT_DELIVERED'
  | 'PENDING'
  | 'REJECTED_OUTSIDE_WINDOW'
  | 'NO_RATE';

export type ChargeSource = 'META' | 'ESTIMATE';

export const PRICING_CATEGORIES: readonly PricingCategory[] = [
  'MARKETING',
  'MARKETING_LITE',
  'UTILITY',
  'AUTHENTICATION',
  'AUTHENTICATION_INTERNATIONAL',
  'SERVICE',
  'GROUP_MARKETING',
  'GROUP_UTILITY',
  'GROUP_SERVICE',
];

export const CHARGE_REASONS: readonly ChargeReason[] = [
  'BILLED',
  'FREE_INBOUND',
  'FREE_BUSINESS_APP',
  'FREE_HISTORY_IMPORT',
  'FREE_CUSTOMER_SERVICE_WINDOW',
  'FREE_CBP_CONVERSATION',
  'FREE_ENTRY_POINT',
  'FREE_TIER',
  'NOT_DELIVERED',
  'PENDING',
  'REJECTED_OUTSIDE_WINDOW',
  'NO_RATE',
];

/** The reasons that make a message free; everything else is billed, unpriced or not charged. */
export const FREE_REASONS: readonly ChargeReason[] = CHARGE_REASONS.filter((reason) =>
  reason.startsWith('FREE_'),
);

export function isFreeReason(reason: string): boolean {
  return (FREE_REASONS as readonly string[]).includes(reason);
}

/** SQL list of the free reasons, for CASE and IN expressions. */
export const FREE_REASONS_SQL = `(${FREE_REASONS.map((reason) => `'${reason}'`).join(', ')})`;
