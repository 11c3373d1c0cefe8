import type { MetaPricingVerdict } from '../engine.types';
import {
  account,
  chargeOfLast,
  DOMINICAN,
  hoursAfter,
  inbound,
  outbound,
  template,
  US,
} from './engine-fixtures';

const AUGUST = '2026-08-11T10:00:00Z';
const NOVEMBER = '2026-11-11T10:00:00Z';

const verdict = (
  type: string | null,
  category: string | null,
  billable: boolean | null = type === null ? null : type === 'regular',
): MetaPricingVerdict => ({ type, category, billable });

describe("chargeMessages: Meta's pricing verdict", () => {
  it.each([
    ['authentication-international', verdict('regular', 'authentication-international')],
    ['authentication_international', verdict('regular', 'authentication_international')],
    [
      'AUTHENTICATION_INTERNATIONAL (analytics casing)',
      verdict('REGULAR', 'AUTHENTICATION_INTERNATIONAL'),
    ],
    ['billable only (deprecated field)', verdict(null, 'authentication_international', true)],
  ])(
    '%s → AUTHENTICATION_INTERNATIONAL, source META, rate from the card',
    (_label, metaPricing) => {
      const result = chargeOfLast([template('AUTHENTICATION', AUGUST, { metaPricing })]);
      expect(result).toMatchObject({
        reason: 'BILLED',
        billable: true,
        source: 'META',
        pricingCategory: 'AUTHENTICATION_INTERNATIONAL',
        rate: '0.028',
        amount: '0.028',
        rateCardId: 'card-usd-test',
        // the engine alone (no auth-international start) would bill the domestic rate
        estimateReason: 'BILLED',
        estimatePricingCategory: 'AUTHENTICATION',
      });
      expect(result.sequenceGroup).toBe('T|portfolio-1|India|AUTHENTICATION|2026-08');
    },
  );

  it('authentication-international reported for a market without that rate → NO_RATE', () => {
    const result = chargeOfLast([
      template('AUTHENTICATION', AUGUST, {
        contact: US,
        metaPricing: verdict('regular', 'authentication_international'),
      }),
    ]);
    expect(result).toMatchObject({ reason: 'NO_RATE', source: 'META', amount: '0', rate: null });
  });

  it.each([
    ['type free_entry_point', verdict('free_entry_point', 'referral_conversion', false)],
    ['type free_entry_point, category service', verdict('free_entry_point', 'service', false)],
    ['category referral_conversion only', verdict(null, 'referral_conversion', false)],
  ])('%s → FREE_ENTRY_POINT', (_label, metaPricing) => {
    const result = chargeOfLast([template('MARKETING', AUGUST, { metaPricing })]);
    expect(result).toMatchObject({
      reason: 'FREE_ENTRY_POINT',
      billable: false,
      source: 'META',
      amount: '0',
      rate: null,
      estimateReason: 'BILLED',
      estimateBillable: true,
    });
  });

  it('free_customer_service in August → FREE_CUSTOMER_SERVICE_WINDOW', () => {
    const result = chargeOfLast([
      inbound(AUGUST),
      template('UTILITY', hoursAfter(AUGUST, 1), {
        metaPricing: verdict('free_customer_service', 'utility'),
      }),
    ]);
    expect(result).toMatchObject({
      reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
      source: 'META',
      amount: '0',
      pricingCategory: 'UTILITY',
      estimateReason: 'FREE_CUSTOMER_SERVICE_WINDOW',
    });
  });

  it('free_customer_service in November → FREE_TIER', () => {
    const result = chargeOfLast([
      inbound(NOVEMBER),
      outbound(hoursAfter(NOVEMBER, 1), {
        metaPricing: verdict('free_customer_service', 'service'),
      }),
    ]);
    expect(result).toMatchObject({
      reason: 'FREE_TIER',
      source: 'META',
      amount: '0',
      pricingCategory: 'SERVICE',
    });
  });

  it('regular service in November beyond the allowance is billed at the utility rate', () => {
    const result = chargeOfLast(
      [
        inbound(NOVEMBER),
        outbound(hoursAfter(NOVEMBER, 1), { metaPricing: verdict('regular', 'service') }),
      ],
      { account: account({ freeServiceAllowance: 0 }) },
    );
    expect(result).toMatchObject({
      reason: 'BILLED',
      source: 'META',
      pricingCategory: 'SERVICE',
      amount: '0.0014',
      estimateReason: 'BILLED',
    });
  });

  it('a disagreement is kept: Meta free, estimate billed', () => {
    const result = chargeOfLast([
      template('MARKETING', AUGUST, { metaPricing: verdict('free_customer_service', 'marketing') }),
    ]);
    expect(result.reason).toBe('FREE_CUSTOMER_SERVICE_WINDOW');
    expect(result.estimateReason).toBe('BILLED');
    expect(result.estimateReason).not.toBe(result.reason);
    expect(result.estimatePricingCategory).toBe('MARKETING');
  });

  it('a disagreement is kept: Meta billed, estimate free in the CSW', () => {
    const result = chargeOfLast([
      inbound(AUGUST),
      template('UTILITY', hoursAfter(AUGUST, 1), { metaPricing: verdict('regular', 'utility') }),
    ]);
    expect(result).toMatchObject({
      reason: 'BILLED',
      source: 'META',
      amount: '0.0014',
      tier: '0:1000',
      estimateReason: 'FREE_CUSTOMER_SERVICE_WINDOW',
      estimateBillable: false,
    });
  });

  it('Meta decides the category: a utility template reported as marketing', () => {
    const result = chargeOfLast([
      template('UTILITY', AUGUST, { metaPricing: verdict('regular', 'marketing') }),
    ]);
    expect(result).toMatchObject({
      reason: 'BILLED',
      pricingCategory: 'MARKETING',
      amount: '0.0107',
      tier: null,
      sequenceGroup: null,
      estimatePricingCategory: 'UTILITY',
    });
  });

  it('marketing_lite is billed at the marketing rate', () => {
    const result = chargeOfLast([
      template('MARKETING', AUGUST, { metaPricing: verdict('regular', 'marketing_lite') }),
    ]);
    expect(result).toMatchObject({ pricingCategory: 'MARKETING_LITE', amount: '0.0107' });
  });

  it('Meta billing a market without a rate → NO_RATE, never zero-billed', () => {
    const result = chargeOfLast([
      template('MARKETING', AUGUST, {
        contact: DOMINICAN,
        metaPricing: verdict('regular', 'marketing'),
      }),
    ]);
    expect(result).toMatchObject({ reason: 'NO_RATE', billable: true, amount: '0' });
  });

  it('an unknown category on a billable verdict falls back to the estimate', () => {
    const result = chargeOfLast([
      template('MARKETING', AUGUST, { metaPricing: verdict('regular', 'group_marketing_x') }),
    ]);
    expect(result).toMatchObject({ source: 'ESTIMATE', reason: 'BILLED', amount: '0.0107' });
  });

  it('a verdict on a message not delivered is ignored', () => {
    const result = chargeOfLast([
      template('MARKETING', AUGUST, {
        delivery: 'PENDING',
        deliveredAt: null,
        metaPricing: verdict('regular', 'marketing'),
      }),
    ]);
    expect(result).toMatchObject({ source: 'ESTIMATE', reason: 'PENDING' });
  });
});

describe("Meta's verdict with a category that names an object property", () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'category %j is an unknown category: the estimate decides',
    (category) => {
      const result = chargeOfLast([
        template('MARKETING', '2026-08-11T10:00:00Z', {
          metaPricing: { billable: true, type: 'regular', category },
        }),
      ]);
      expect(result).toMatchObject({
        reason: 'BILLED',
        source: 'ESTIMATE',
        pricingCategory: 'MARKETING',
        amount: '0.0107',
      });
    },
  );
});
