import type { ChargeReason, PricingCategory } from '../../pricing/pricing.types';

/**
 * Words for people in place of codes, used by the statement's PDF and XLSX (the CSV keeps the
 * codes for machines). Reasons say their group first: "Free: …", "Not billed: …", "Unpriced: …".
 */
const PRICING_CATEGORY_LABELS: Record<PricingCategory, string> = {
  MARKETING: 'Marketing',
  MARKETING_LITE: 'Marketing (MM API)',
  UTILITY: 'Utility',
  AUTHENTICATION: 'Authentication',
  AUTHENTICATION_INTERNATIONAL: 'Authentication-international',
  SERVICE: 'Service',
  GROUP_MARKETING: 'Group marketing',
  GROUP_UTILITY: 'Group utility',
  GROUP_SERVICE: 'Group service',
};

const CHARGE_REASON_LABELS: Record<ChargeReason, string> = {
  BILLED: 'Billed',
  FREE_INBOUND: 'Free: inbound message',
  FREE_BUSINESS_APP: 'Free: sent from the WhatsApp Business app',
  FREE_HISTORY_IMPORT: 'Free: imported chat history',
  FREE_CUSTOMER_SERVICE_WINDOW: 'Free: customer service window',
  FREE_CBP_CONVERSATION: 'Free: conversation opened before per-message pricing',
  FREE_ENTRY_POINT: 'Free: free entry point window',
  FREE_TIER: 'Free: monthly free service messages',
  PENDING: 'Not billed: pending delivery (provisional)',
  NOT_DELIVERED: 'Not billed: not delivered',
  REJECTED_OUTSIDE_WINDOW: 'Not billed: rejected outside the customer service window',
  NO_RATE: 'Unpriced: no rate in the rate card in force',
};

/** Messages with a NO_RATE charge whose market or category is unknown. */
export const UNCLASSIFIED_UNPRICED_LABEL = 'Market or category unknown';

export function pricingCategoryLabel(category: PricingCategory): string {
  return PRICING_CATEGORY_LABELS[category] ?? category;
}

export function chargeReasonLabel(reason: ChargeReason): string {
  return CHARGE_REASON_LABELS[reason] ?? reason;
}

/**
 * A volume tier band ("0:750000", "750001:15000000", "15000001:MAX") as "Tier 1–750,000",
 * "Tier 750,001–15,000,000", "Tier 15,000,001 and above"; no band (a category without tiers) or
 * the one open band of a card without a ladder ("0:MAX") is "All volumes". An unknown shape is
 * shown as it is.
 */
export function tierLabel(tier: string | null): string {
  if (tier === null || tier === '0:MAX') return 'All volumes';
  const match = /^(\d+):(\d+|MAX)$/.exec(tier);
  if (!match) return tier;
  const from = groupThousands(match[1] === '0' ? '1' : match[1]);
  return match[2] === 'MAX'
    ? `Tier ${from} and above`
    : `Tier ${from}\u2013${groupThousands(match[2])}`;
}

/** "1234567" → "1,234,567"; a sign and a fraction are kept ("-1234.5" → "-1,234.5"). */
export function groupThousands(decimal: string): string {
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(decimal);
  if (!match) return decimal;
  return `${match[1]}${match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${match[3] ?? ''}`;
}
