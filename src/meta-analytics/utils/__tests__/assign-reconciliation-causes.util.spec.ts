import { money, Money } from '../../../pricing/money';
import {
  assignReconciliationCauses,
  type CauseContext,
  type ReconciliationCell,
} from '../assign-reconciliation-causes.util';

function cell(
  key: Partial<ReconciliationCell>,
  meta: [number, string],
  ours: [number, string],
  extra: Partial<ReconciliationCell> = {},
): ReconciliationCell {
  return {
    wabaId: 'w',
    day: '2026-03-05',
    country: 'BR',
    pricingCategory: 'MARKETING',
    pricingType: 'REGULAR',
    tier: '0:MAX',
    metaVolume: meta[0],
    metaCost: money(meta[1]),
    metaPoints: meta[0] > 0 ? 1 : 0,
    ourVolume: ours[0],
    ourCost: money(ours[1]),
    ourUnpriced: 0,
    ...key,
    ...extra,
  };
}

const context = (overrides: Partial<CauseContext> = {}): CauseContext => ({
  halfMinorUnit: new Money('0.005'),
  covered: () => true,
  recount: () => undefined,
  pending: () => 0,
  ...overrides,
});

const causes = (cells: ReconciliationCell[], overrides: Partial<CauseContext> = {}) =>
  assignReconciliationCauses(cells, context(overrides)).map((line) => [
    line.day,
    line.pricingCategory,
    line.pricingType,
    line.tier,
    line.cause,
  ]);

describe(assignReconciliationCauses.name, () => {
  it('leaves out the keys that agree and calls a cost within half a cent per data point rounding', () => {
    const lines = assignReconciliationCauses(
      [
        cell({}, [10, '0.63'], [10, '0.625']),
        cell({ country: 'US' }, [3, '0.08'], [3, '0.075']),
        cell({ country: 'MX' }, [3, '0.09'], [3, '0.0849']),
      ],
      context(),
    );
    expect(lines.map((line) => [line.country, line.cause, line.withinRounding])).toEqual([
      ['BR', 'WITHIN_META_ROUNDING', true],
      ['US', 'WITHIN_META_ROUNDING', true],
      ['MX', 'RATE_DIFFERS', false],
    ]);
    expect(lines[0].explanation).toBe(
      "Meta's cost 0.63 is ours, 0.625, rounded by Meta: within its rounding, not a difference.",
    );
    expect(lines[2].explanation).toBe(
      "Same volume, another cost: the rate Meta applied (0.03 a message) is not our card's (0.0283).",
    );
  });

  it('names a day no pull covers, and unpriced messages at the same volume', () => {
    expect(causes([cell({}, [0, '0'], [2, '0.2'])], { covered: () => false })).toEqual([
      ['2026-03-05', 'MARKETING', 'REGULAR', '0:MAX', 'META_DATA_MISSING'],
    ]);
    expect(causes([cell({}, [2, '0.2'], [2, '0'], { ourUnpriced: 2 })])).toEqual([
      ['2026-03-05', 'MARKETING', 'REGULAR', '0:MAX', 'RATE_CARD_MISSING'],
    ]);
  });

  it("calls it a timezone edge when our count over Meta's bucket is Meta's volume", () => {
    const a = cell({}, [5, '0.5'], [4, '0.4']);
    expect(causes([a], { recount: (line) => (line === a ? 5 : undefined) })).toEqual([
      ['2026-03-05', 'MARKETING', 'REGULAR', '0:MAX', 'TIMEZONE_EDGE'],
    ]);
  });

  it('pairs opposite differences: tier place, free entry point, pricing type, category', () => {
    const utility = { pricingCategory: 'UTILITY' };
    expect(
      causes([
        cell({ ...utility, tier: '0:750000' }, [3, '0.3'], [2, '0.2']),
        cell({ ...utility, tier: '750001:15000000' }, [0, '0'], [1, '0.08']),
      ]),
    ).toEqual([
      ['2026-03-05', 'UTILITY', 'REGULAR', '0:750000', 'TIER_PLACE'],
      ['2026-03-05', 'UTILITY', 'REGULAR', '750001:15000000', 'TIER_PLACE'],
    ]);
    expect(
      causes([
        cell({}, [0, '0'], [2, '0.2']),
        cell(
          { pricingCategory: 'REFERRAL_CONVERSION', pricingType: 'FREE_ENTRY_POINT', tier: null },
          [2, '0'],
          [0, '0'],
        ),
      ]),
    ).toEqual([
      ['2026-03-05', 'MARKETING', 'REGULAR', '0:MAX', 'FREE_ENTRY_POINT'],
      ['2026-03-05', 'REFERRAL_CONVERSION', 'FREE_ENTRY_POINT', null, 'FREE_ENTRY_POINT'],
    ]);
    expect(
      causes([
        cell({ ...utility }, [1, '0.1'], [0, '0']),
        cell({ ...utility, pricingType: 'FREE_CUSTOMER_SERVICE', tier: null }, [0, '0'], [1, '0']),
      ]),
    ).toEqual([
      ['2026-03-05', 'UTILITY', 'REGULAR', '0:MAX', 'PRICING_TYPE_DIFFERS'],
      ['2026-03-05', 'UTILITY', 'FREE_CUSTOMER_SERVICE', null, 'PRICING_TYPE_DIFFERS'],
    ]);
    expect(
      causes([
        cell({}, [1, '0.1'], [0, '0']),
        cell({ pricingCategory: 'UTILITY' }, [0, '0'], [1, '0.02']),
      ]),
    ).toEqual([
      ['2026-03-05', 'MARKETING', 'REGULAR', '0:MAX', 'CATEGORY_DIFFERS'],
      ['2026-03-05', 'UTILITY', 'REGULAR', '0:MAX', 'CATEGORY_DIFFERS'],
    ]);
  });

  it('does not pair differences of the same sign, nor of another day', () => {
    expect(
      causes([
        cell({}, [2, '0.2'], [0, '0']),
        cell({ pricingCategory: 'UTILITY' }, [1, '0.02'], [0, '0']),
        cell({ day: '2026-03-06', pricingCategory: 'UTILITY' }, [0, '0'], [1, '0.02']),
      ]),
    ).toEqual([
      ['2026-03-05', 'MARKETING', 'REGULAR', '0:MAX', 'MESSAGES_NOT_SEEN'],
      ['2026-03-05', 'UTILITY', 'REGULAR', '0:MAX', 'MESSAGES_NOT_SEEN'],
      ['2026-03-06', 'UTILITY', 'REGULAR', '0:MAX', 'NOT_IN_META'],
    ]);
  });

  it('says how many of ours are still pending when Meta counts more', () => {
    const [line] = assignReconciliationCauses(
      [cell({}, [3, '0.3'], [1, '0.1'])],
      context({ pending: () => 2 }),
    );
    expect(line.explanation).toBe(
      'Meta counts 2 more delivered message(s) than we recorded: webhooks we did not receive, or deliveries not reported (2 of ours are still pending).',
    );
  });

  it('calls unpriced messages without a tier band a missing rate card, not a tier place', () => {
    expect(
      causes([
        cell({ pricingCategory: 'UTILITY', tier: '0:750000' }, [2, '0.05'], [0, '0']),
        cell({ pricingCategory: 'UTILITY', tier: '0:MAX' }, [0, '0'], [2, '0'], { ourUnpriced: 2 }),
      ]),
    ).toEqual([
      ['2026-03-05', 'UTILITY', 'REGULAR', '0:750000', 'RATE_CARD_MISSING'],
      ['2026-03-05', 'UTILITY', 'REGULAR', '0:MAX', 'RATE_CARD_MISSING'],
    ]);
  });
});
