import type { ChargeReason } from '../../pricing/pricing.types';

/** Meta's pricing_analytics key of a charge: pricing type and category, before tier. */
export interface MetaChargeKey {
  pricingType: string;
  pricingCategory: string | null;
}

/** Free entry point messages are compared under this category, whatever either side calls them. */
export const FREE_ENTRY_POINT_CATEGORY = 'REFERRAL_CONVERSION';

/**
 * Where Meta's pricing_analytics counts a message with this charge, or null when it does not
 * count it at all (inbound, Business app, imported history, not delivered, pending, rejected):
 * - BILLED and NO_RATE (billed, unpriced here) → REGULAR in their category;
 * - FREE_CUSTOMER_SERVICE_WINDOW → FREE_CUSTOMER_SERVICE (FREE_GROUP_CUSTOMER_SERVICE for GROUP_*);
 * - FREE_TIER (the monthly free service messages) and FREE_CBP_CONVERSATION (utility inside a
 *   conversation opened before 2025-07-01) → FREE_CUSTOMER_SERVICE;
 * - FREE_ENTRY_POINT → FREE_ENTRY_POINT, category REFERRAL_CONVERSION.
 */
export function metaKeyOfCharge(
  reason: ChargeReason,
  pricingCategory: string | null,
): MetaChargeKey | null {
  switch (reason) {
    case 'BILLED':
    case 'NO_RATE':
      return { pricingType: 'REGULAR', pricingCategory };
    case 'FREE_CUSTOMER_SERVICE_WINDOW':
      return {
        pricingType: pricingCategory?.startsWith('GROUP_')
          ? 'FREE_GROUP_CUSTOMER_SERVICE'
          : 'FREE_CUSTOMER_SERVICE',
        pricingCategory,
      };
    case 'FREE_TIER':
    case 'FREE_CBP_CONVERSATION':
      return { pricingType: 'FREE_CUSTOMER_SERVICE', pricingCategory };
    case 'FREE_ENTRY_POINT':
      return { pricingType: 'FREE_ENTRY_POINT', pricingCategory: FREE_ENTRY_POINT_CATEGORY };
    case 'FREE_INBOUND':
    case 'FREE_BUSINESS_APP':
    case 'FREE_HISTORY_IMPORT':
    case 'NOT_DELIVERED':
    case 'PENDING':
    case 'REJECTED_OUTSIDE_WINDOW':
      return null;
  }
}
