import { money } from '../../../pricing/money';
import {
  chargeReasonLabel,
  groupThousands,
  pricingCategoryLabel,
  tierLabel,
} from '../charge-labels.util';
import { columnDecimals, formatFixedDecimal } from '../decimal-column.util';
import { fixedNumberFormat } from '../money-number-format.util';

describe('statement labels and decimal columns', () => {
  it.each([
    ['0:750000', 'Tier 1–750,000'],
    ['750001:15000000', 'Tier 750,001–15,000,000'],
    ['15000001:MAX', 'Tier 15,000,001 and above'],
    ['0:MAX', 'All volumes'],
    [null, 'All volumes'],
    ['odd-label', 'odd-label'],
  ])('labels the tier band %p as %p', (tier, label) => {
    expect(tierLabel(tier)).toBe(label);
  });

  it('labels categories and reasons in words, saying each reason’s group', () => {
    expect(pricingCategoryLabel('AUTHENTICATION_INTERNATIONAL')).toBe(
      'Authentication-international',
    );
    expect(pricingCategoryLabel('MARKETING_LITE')).toBe('Marketing (MM API)');
    expect(chargeReasonLabel('FREE_CUSTOMER_SERVICE_WINDOW')).toBe('Free: customer service window');
    expect(chargeReasonLabel('NOT_DELIVERED')).toBe('Not billed: not delivered');
    expect(chargeReasonLabel('NO_RATE')).toBe('Unpriced: no rate in the rate card in force');
  });

  it('groups thousands without touching the fraction or the sign', () => {
    expect(groupThousands('1234567.1234567')).toBe('1,234,567.1234567');
    expect(groupThousands('-1234.5')).toBe('-1,234.5');
    expect(groupThousands('999')).toBe('999');
  });

  it('shows a column with the decimals its most precise value needs, never rounding', () => {
    const values = ['0.25', '0.0204', '1563.822'].map((value) => money(value));
    expect(columnDecimals(values, 2)).toBe(4);
    expect(columnDecimals([money('12')], 2)).toBe(2);
    expect(values.map((value) => formatFixedDecimal(value, 4))).toEqual([
      '0.2500',
      '0.0204',
      '1,563.8220',
    ]);
    expect(() => formatFixedDecimal(money('0.00001'), 4)).toThrow(RangeError);
  });

  it('formats spreadsheet columns with fixed decimals, padding fewer decimals to align', () => {
    expect(fixedNumberFormat(4, 'USD')).toBe('"USD" #,##0.0000');
    expect(fixedNumberFormat(4)).toBe('#,##0.0000');
    expect(fixedNumberFormat(2, 'USD', 4)).toBe('"USD" #,##0.00_0_0');
    expect(fixedNumberFormat(0, 'CLP', 2)).toBe('"CLP" #,##0_._0_0');
    expect(fixedNumberFormat(0, 'CLP')).toBe('"CLP" #,##0');
  });
});
