import { listMarkets } from '../markets/market-map';
import { AUTH_INTERNATIONAL_MARKETS } from '../markets/market-map.data';
import type { PricingCategory, RateColumn } from '../pricing.types';
import { regimeOn } from '../regimes/regime';
import { rateFor } from './rate-card-lookup.util';
import type { RateCardData } from './rate-card.types';

export interface RateCardCoverage {
  /** Markets of the map on that date whose every category below is priced. */
  pricedMarkets: number;
  /** Market × category pairs Meta bills that the card does not price (NO_RATE), sorted. */
  unpriced: { market: string; pricingCategory: PricingCategory }[];
}

/** The categories Meta bills in a market on a date, with the rate column that prices each. */
export function billedCategories(
  market: string,
  date: string,
): { pricingCategory: PricingCategory; columns: RateColumn[] }[] {
  const categories: { pricingCategory: PricingCategory; columns: RateColumn[] }[] = [
    { pricingCategory: 'MARKETING', columns: ['MARKETING'] },
    { pricingCategory: 'UTILITY', columns: ['UTILITY'] },
    { pricingCategory: 'AUTHENTICATION', columns: ['AUTHENTICATION'] },
  ];
  if (hasAuthenticationInternational(market, date)) {
    categories.push({
      pricingCategory: 'AUTHENTICATION_INTERNATIONAL',
      columns: ['AUTHENTICATION_INTERNATIONAL'],
    });
  }
  // Service is charged from 2026-10-01, at the service column or else the utility rate.
  if (regimeOn(date).chargesService) {
    categories.push({ pricingCategory: 'SERVICE', columns: ['SERVICE', 'UTILITY'] });
  }
  return categories;
}

export function hasAuthenticationInternational(market: string, date: string): boolean {
  return AUTH_INTERNATIONAL_MARKETS.some(
    (entry) => entry.from <= date && entry.markets.includes(market),
  );
}

/**
 * What a card leaves unpriced on a date, over every market of the map in force then. Marketing
 * Lite and the Groups API categories use the marketing and utility columns and are not listed
 * apart. Without a card, everything is unpriced.
 */
export function rateCardCoverage(card: RateCardData | null, date: string): RateCardCoverage {
  const unpriced: RateCardCoverage['unpriced'] = [];
  let pricedMarkets = 0;
  for (const market of listMarkets(date)) {
    let complete = true;
    for (const { pricingCategory, columns } of billedCategories(market, date)) {
      const priced =
        card !== null && columns.some((column) => rateFor(card, market, column) !== null);
      if (!priced) {
        complete = false;
        unpriced.push({ market, pricingCategory });
      }
    }
    if (complete) pricedMarkets += 1;
  }
  return { pricedMarkets, unpriced };
}
