import { BUILT_IN_RATE_CARD_DATA } from '../built-in-rate-cards.data';
import { BUILT_IN_RATE_CARDS, loadBuiltInRateCards } from '../built-in-rate-cards';
import { rateFor } from '../rate-card-lookup.util';
import { RateCardImportError } from '../rate-card-import.error';
import { validateRateCard } from '../validate-rate-card.util';

describe('built-in rate cards', () => {
  it.each(BUILT_IN_RATE_CARD_DATA.map((card) => [card.name, card]))(
    '%s passes the import validation and carries provenance',
    (_name, card) => {
      expect(validateRateCard(card)).toEqual([]);
      expect(card.provenance).toMatch(/(CONFIRMED|SECONDARY|UNCERTAIN)/);
      expect(card.tiers).toEqual({});
    },
  );

  it('has unique currency, date and name per card', () => {
    const keys = BUILT_IN_RATE_CARDS.map((card) => `${card.currency}|${card.effectiveFrom}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['USD', '2026-10-01', 'North America', 'SERVICE', '0.0034'],
    ['USD', '2026-10-01', 'Rest of Africa', 'AUTHENTICATION_INTERNATIONAL', null],
    ['USD', '2026-07-01', 'Brazil', 'UTILITY', '0.0068'],
    ['USD', '2026-07-01', 'Brazil', 'SERVICE', null],
    ['INR', '2026-07-01', 'India', 'AUTHENTICATION_INTERNATIONAL', '2.4971'],
    ['EUR', '2026-07-01', 'Rest of Central & Eastern Europe', 'MARKETING', '0.0712'],
    ['USD', '2026-01-01', 'North America', 'UTILITY', '0.0034'],
    ['USD', '2025-07-01', 'Other', 'MARKETING', '0.0604'],
    ['INR', '2025-07-01', 'India', 'MARKETING', '0.7846'],
  ] as const)('%s %s %s %s = %s', (currency, effectiveFrom, market, column, rate) => {
    const card = BUILT_IN_RATE_CARDS.find(
      (candidate) => candidate.currency === currency && candidate.effectiveFrom === effectiveFrom,
    );
    expect(card).toBeDefined();
    expect(rateFor(card!, market, column)).toBe(rate);
  });

  it('refuses invalid built-in data through the same validation', () => {
    const broken = {
      ...BUILT_IN_RATE_CARD_DATA[0],
      rates: { 'Hong Kong': { UTILITY: '0.01000' } },
      rowProvenance: {},
    };
    expect(() => loadBuiltInRateCards([{ ...broken, effectiveFrom: '2026-04-01' }])).toThrow(
      RateCardImportError,
    );
    try {
      loadBuiltInRateCards([{ ...broken, effectiveFrom: '2026-04-01' }]);
    } catch (error) {
      expect((error as RateCardImportError).issues).toEqual([
        {
          line: 0,
          message: `${broken.name}: market "Hong Kong" is not in Meta's market map on 2026-04-01`,
        },
        {
          line: 0,
          message: `${broken.name}: Hong Kong UTILITY: "0.01000" is not a canonical decimal`,
        },
      ]);
    }
  });
});
