import { comparisonTier } from '../comparison-tier.util';
import { metaKeyOfCharge } from '../meta-key-of-charge.util';

describe(metaKeyOfCharge.name, () => {
  it.each([
    ['BILLED', 'MARKETING', { pricingType: 'REGULAR', pricingCategory: 'MARKETING' }],
    ['NO_RATE', 'UTILITY', { pricingType: 'REGULAR', pricingCategory: 'UTILITY' }],
    [
      'FREE_CUSTOMER_SERVICE_WINDOW',
      'SERVICE',
      { pricingType: 'FREE_CUSTOMER_SERVICE', pricingCategory: 'SERVICE' },
    ],
    [
      'FREE_CUSTOMER_SERVICE_WINDOW',
      'UTILITY',
      { pricingType: 'FREE_CUSTOMER_SERVICE', pricingCategory: 'UTILITY' },
    ],
    [
      'FREE_CUSTOMER_SERVICE_WINDOW',
      'GROUP_SERVICE',
      { pricingType: 'FREE_GROUP_CUSTOMER_SERVICE', pricingCategory: 'GROUP_SERVICE' },
    ],
    ['FREE_TIER', 'SERVICE', { pricingType: 'FREE_CUSTOMER_SERVICE', pricingCategory: 'SERVICE' }],
    [
      'FREE_CBP_CONVERSATION',
      'UTILITY',
      { pricingType: 'FREE_CUSTOMER_SERVICE', pricingCategory: 'UTILITY' },
    ],
    [
      'FREE_ENTRY_POINT',
      'MARKETING',
      { pricingType: 'FREE_ENTRY_POINT', pricingCategory: 'REFERRAL_CONVERSION' },
    ],
    ['FREE_INBOUND', null, null],
    ['FREE_BUSINESS_APP', null, null],
    ['FREE_HISTORY_IMPORT', null, null],
    ['PENDING', 'MARKETING', null],
    ['NOT_DELIVERED', 'MARKETING', null],
    ['REJECTED_OUTSIDE_WINDOW', 'SERVICE', null],
  ] as const)('%s in %s', (reason, category, expected) => {
    expect(metaKeyOfCharge(reason, category)).toEqual(expected);
  });

  it("compares billed messages without a band under Meta's 0:MAX, free ones without a tier", () => {
    expect(comparisonTier('REGULAR', null)).toBe('0:MAX');
    expect(comparisonTier('REGULAR', '0:750000')).toBe('0:750000');
    expect(comparisonTier('FREE_CUSTOMER_SERVICE', '0:750000')).toBeNull();
  });
});
