/** Meta's tier for billed messages outside any volume tier ladder (marketing, for one). */
export const NO_TIER_BAND = '0:MAX';

/**
 * The tier a line is compared under: for REGULAR (billed) messages the band's label, `0:MAX`
 * when there is none (Meta sets marketing to `0:MAX`; our charges outside a ladder have no band);
 * for free messages none (Meta omits the tier: they do not count toward tiers).
 */
export function comparisonTier(pricingType: string | null, tier: string | null): string | null {
  return pricingType === 'REGULAR' ? (tier ?? NO_TIER_BAND) : null;
}
