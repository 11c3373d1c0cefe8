import type { PricingCategory } from '../../pricing/pricing.types';

export type MetaPricingCategory = PricingCategory | 'REFERRAL_CONVERSION';

const CATEGORY_BY_KEY: ReadonlyMap<string, MetaPricingCategory> = new Map([
  ['marketing', 'MARKETING'],
  ['marketing_lite', 'MARKETING_LITE'],
  ['utility', 'UTILITY'],
  ['authentication', 'AUTHENTICATION'],
  ['authentication_international', 'AUTHENTICATION_INTERNATIONAL'],
  ['service', 'SERVICE'],
  ['referral_conversion', 'REFERRAL_CONVERSION'],
]);

/**
 * Maps Meta's `pricing.category` / `conversation.origin.type` to our category. Meta spells
 * auth-international with a hyphen in its pricing table and with an underscore elsewhere, and
 * analytics use upper case, so all are accepted. Group and unknown categories give null.
 */
export function normalizeMetaPricingCategory(raw: string): MetaPricingCategory | null {
  const key = raw.trim().toLowerCase().replace(/-/g, '_');
  return CATEGORY_BY_KEY.get(key) ?? null;
}
