import { DomainError } from '../../../common/errors/domain.error';
import {
  billedLines,
  countsByReason,
  statementCurrency,
  unpricedLines,
  type RollupSum,
} from '../statement-figures.util';

function sum(overrides: Partial<RollupSum>): RollupSum {
  return {
    currency: 'USD',
    reason: 'BILLED',
    market: 'Brazil',
    category: 'MARKETING',
    tier: '',
    rate: '0.0625',
    day: '2026-11-02',
    quantity: 1,
    micros: '62500',
    ...overrides,
  };
}

describe('statement figures from rollup sums', () => {
  it('merges billed sums of several days into one line per market, category, tier and rate', () => {
    const lines = billedLines([
      sum({ day: '2026-11-02', quantity: 3, micros: '187500' }),
      sum({ day: '2026-11-09', quantity: '2', micros: '125000' }),
      sum({
        market: 'India',
        category: 'UTILITY',
        tier: '0:100000',
        rate: '0.0014',
        quantity: 1,
        micros: '1400',
      }),
      sum({ reason: 'FREE_INBOUND', rate: '', day: '', quantity: 40, micros: '0' }),
    ]);
    expect(
      lines.map((line) => [
        line.market,
        line.pricingCategory,
        line.tier,
        line.quantity,
        line.rate.toFixed(),
        line.amount.toFixed(),
      ]),
    ).toEqual([
      ['Brazil', 'MARKETING', null, 5, '0.0625', '0.3125'],
      ['India', 'UTILITY', '0:100000', 1, '0.0014', '0.0014'],
    ]);
  });

  it('refuses a line whose charges do not sum to quantity × rate', () => {
    expect(() => billedLines([sum({ quantity: 2, micros: '125001' })])).toThrow(
      'Brazil/MARKETING/- at 0.0625: 2 × rate = 0.125 but the charges sum to 0.125001',
    );
  });

  it('counts every reason, and unpriced messages by market and category with the unclassified apart', () => {
    const rows = [
      sum({
        reason: 'NO_RATE',
        market: 'Peru',
        category: 'UTILITY',
        rate: '',
        day: '',
        quantity: 4,
      }),
      sum({
        reason: 'NO_RATE',
        market: 'Peru',
        category: 'UTILITY',
        tier: '0:MAX',
        rate: '',
        day: '',
        quantity: 1,
      }),
      sum({ reason: 'NO_RATE', market: '', category: 'UTILITY', rate: '', day: '', quantity: 2 }),
      sum({ reason: 'PENDING', rate: '', day: '', quantity: 6 }),
      sum({ quantity: 3, micros: '187500' }),
    ];
    expect(Object.fromEntries(countsByReason(rows))).toEqual({ NO_RATE: 7, PENDING: 6, BILLED: 3 });
    expect(unpricedLines(rows)).toEqual({
      lines: [{ market: 'Peru', pricingCategory: 'UTILITY', quantity: 5 }],
      unclassified: 2,
    });
  });

  it('takes the requested currency, else the one the month was charged in, else the WABAs’ own', () => {
    const month = '2026-11';
    expect(statementCurrency({ month, currency: 'eur' }, [], [sum({})])).toBe('EUR');
    expect(statementCurrency({ month }, [{ currency: 'INR' }], [sum({})])).toBe('USD');
    expect(statementCurrency({ month }, [{ currency: 'INR' }], [])).toBe('INR');
    const twoCurrencies = () =>
      statementCurrency({ month }, [], [sum({}), sum({ currency: 'EUR' })]);
    expect(twoCurrencies).toThrow(DomainError);
    expect(twoCurrencies).toThrow(
      '2026-11 was charged in EUR, USD; a statement covers one currency: pass currency (or a wabaId)',
    );
    // Nothing charged yet, WABAs billing in two currencies: refused as well, naming the report.
    expect(() =>
      statementCurrency(
        { month },
        [{ currency: 'USD' }, { currency: 'EUR' }],
        [],
        'Business app savings',
      ),
    ).toThrow(
      '2026-11 was charged in EUR, USD; Business app savings covers one currency: pass currency (or a wabaId)',
    );
    expect(() => statementCurrency({ month, currency: 'US$' }, [], [])).toThrow(
      'currency must be a 3-letter ISO 4217 code such as "USD"; got "US$"',
    );
  });
});
