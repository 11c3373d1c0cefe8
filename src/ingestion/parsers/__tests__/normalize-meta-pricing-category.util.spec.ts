import { normalizeMetaPricingCategory } from '../normalize-meta-pricing-category.util';

describe('normalizeMetaPricingCategory', () => {
  it.each([
    ['marketing', 'MARKETING'],
    ['marketing_lite', 'MARKETING_LITE'],
    ['utility', 'UTILITY'],
    ['authentication', 'AUTHENTICATION'],
    ['authentication_international', 'AUTHENTICATION_INTERNATIONAL'],
    ['authentication-international', 'AUTHENTICATION_INTERNATIONAL'],
    ['AUTHENTICATION_INTERNATIONAL', 'AUTHENTICATION_INTERNATIONAL'],
    ['service', 'SERVICE'],
    ['SERVICE', 'SERVICE'],
    ['referral_conversion', 'REFERRAL_CONVERSION'],
  ])('maps %s to %s', (raw, expected) => {
    expect(normalizeMetaPricingCategory(raw)).toBe(expected);
  });

  it.each([
    'group_marketing',
    'group_utility',
    'group_service',
    'general_purpose_ai',
    '',
    'constructor',
  ])('maps %s to null', (raw) => {
    expect(normalizeMetaPricingCategory(raw)).toBeNull();
  });
});
