import { BUILT_IN_RATE_CARDS } from '../built-in-rate-cards';
import { rateCardCoverage } from '../rate-card-coverage.util';
import type { RateCardData } from '../rate-card.types';
import { selectRateCard } from '../select-rate-card.util';

const builtIn = (currency: string, date: string): RateCardData | null =>
  selectRateCard(
    BUILT_IN_RATE_CARDS.map((data, index) => ({
      currency: data.currency,
      effectiveFrom: data.effectiveFrom,
      importedSeq: index,
      data,
    })),
    currency,
    date,
  )?.data ?? null;

describe('rateCardCoverage', () => {
  it('the built-in USD card of 2026-10-01 leaves only authentication-international unpriced where Meta has one', () => {
    const coverage = rateCardCoverage(builtIn('USD', '2026-11-15'), '2026-11-15');
    expect(coverage.unpriced).toEqual(
      [
        'Bangladesh',
        'Egypt',
        'Indonesia',
        'Iraq',
        'Kuwait',
        'Malaysia',
        'Nepal',
        'Oman',
        'Pakistan',
        'Saudi Arabia',
        'Sri Lanka',
        'Ukraine',
        'United Arab Emirates',
      ].map((market) => ({ market, pricingCategory: 'AUTHENTICATION_INTERNATIONAL' })),
    );
    expect(coverage.pricedMarkets).toBe(47 - 13);
  });

  it('the built-in INR card of 2025-10-01 prices every market and category (no service charged yet)', () => {
    const coverage = rateCardCoverage(builtIn('INR', '2025-11-15'), '2025-11-15');
    expect(coverage).toEqual({ pricedMarkets: 32, unpriced: [] });
  });

  it('service is a category from 2026-10-01, priced by the service or the utility column', () => {
    const card: RateCardData = {
      name: 'two markets',
      currency: 'USD',
      effectiveFrom: '2026-10-01',
      rates: {
        'North America': { MARKETING: '0.025', UTILITY: '0.0034', AUTHENTICATION: '0.0034' },
        Mexico: { MARKETING: '0.0397', AUTHENTICATION: '0.0085' },
      },
      tiers: {},
      provenance: 'test',
    };
    const coverage = rateCardCoverage(card, '2026-10-01');
    expect(coverage.unpriced.filter((entry) => entry.market === 'North America')).toEqual([]);
    expect(coverage.unpriced.filter((entry) => entry.market === 'Mexico')).toEqual([
      { market: 'Mexico', pricingCategory: 'UTILITY' },
      { market: 'Mexico', pricingCategory: 'SERVICE' },
    ]);
    expect(coverage.pricedMarkets).toBe(1);
    const before = rateCardCoverage(card, '2026-09-30');
    expect(before.unpriced.some((entry) => entry.pricingCategory === 'SERVICE')).toBe(false);
  });

  it('no card: every billed category of every market is unpriced', () => {
    const coverage = rateCardCoverage(null, '2025-07-15');
    expect(coverage.pricedMarkets).toBe(0);
    // 32 markets × 3 categories + 9 with authentication-international
    expect(coverage.unpriced).toHaveLength(32 * 3 + 9);
  });
});
