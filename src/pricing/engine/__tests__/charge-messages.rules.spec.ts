import type { ChargeReason, PricingCategory } from '../../pricing.types';
import type { EngineAccount, EngineMessage } from '../engine.types';
import {
  account,
  charge,
  chargeOfLast,
  DOMINICAN,
  hoursAfter,
  inbound,
  outbound,
  template,
  US,
} from './engine-fixtures';

/** docs/charging-rules.md, "The rules, top to bottom": every row, in both per-message regimes. */

const AUGUST = '2026-08-11T10:00:00Z'; // PER_MESSAGE
const NOVEMBER = '2026-11-11T10:00:00Z'; // PER_MESSAGE_SERVICE_CHARGED

interface Expected {
  reason: ChargeReason;
  amount: string;
  rate?: string | null;
  tier?: string | null;
  category?: PricingCategory | null;
  billable?: boolean;
  market?: string | null;
}

interface Row {
  name: string;
  build(base: string): EngineMessage[];
  account?: EngineAccount;
  august: Expected;
  november: Expected;
}

const FREE = (reason: ChargeReason, category: PricingCategory | null = null): Expected => ({
  reason,
  amount: '0',
  rate: null,
  tier: null,
  category,
  billable: false,
});

const same = (expected: Expected) => ({ august: expected, november: expected });

const ROWS: Row[] = [
  {
    name: 'inbound from the customer',
    build: (base) => [inbound(base)],
    ...same({ ...FREE('FREE_INBOUND'), market: null }),
  },
  {
    name: 'echo from the Business app',
    build: (base) => [outbound(base, { origin: 'BUSINESS_APP', api: null })],
    ...same(FREE('FREE_BUSINESS_APP')),
  },
  {
    name: 'echo template from the Business app, even to a market without a rate',
    build: (base) => [
      template('MARKETING', base, { origin: 'BUSINESS_APP', api: null, contact: DOMINICAN }),
    ],
    ...same(FREE('FREE_BUSINESS_APP')),
  },
  {
    name: 'a non-template after only an echo (echoes open no window)',
    build: (base) => [
      outbound(base, { origin: 'BUSINESS_APP', api: null }),
      outbound(hoursAfter(base, 1)),
    ],
    ...same(FREE('REJECTED_OUTSIDE_WINDOW')),
  },
  {
    name: 'imported customer message',
    build: (base) => [inbound(base, { origin: 'HISTORY_IMPORT' })],
    ...same({ ...FREE('FREE_HISTORY_IMPORT'), market: null }),
  },
  {
    name: 'imported business message',
    build: (base) => [outbound(base, { origin: 'HISTORY_IMPORT', api: null })],
    ...same(FREE('FREE_HISTORY_IMPORT')),
  },
  // Meta, coexistence onboarding: "WhatsApp opens a customer service window only when a WhatsApp
  // user messages a business customer who is already onboarded onto Cloud API" — history imported
  // at onboarding predates it, so a reply to it can only be a template.
  {
    name: 'a non-template after an imported customer message (history opens no window)',
    build: (base) => [inbound(base, { origin: 'HISTORY_IMPORT' }), outbound(hoursAfter(base, 1))],
    ...same(FREE('REJECTED_OUTSIDE_WINDOW')),
  },
  {
    name: 'a utility template after an imported customer message is billed outside any window',
    build: (base) => [
      inbound(base, { origin: 'HISTORY_IMPORT' }),
      template('UTILITY', hoursAfter(base, 1)),
    ],
    ...same({
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      tier: '0:1000',
      category: 'UTILITY',
      billable: true,
    }),
  },
  {
    name: 'Cloud API template that failed',
    build: (base) => [template('MARKETING', base, { delivery: 'FAILED', deliveredAt: null })],
    ...same(FREE('NOT_DELIVERED')),
  },
  {
    name: 'Cloud API non-template that failed inside the window',
    build: (base) => [
      inbound(base),
      outbound(hoursAfter(base, 1), { delivery: 'FAILED', deliveredAt: null }),
    ],
    ...same(FREE('NOT_DELIVERED')),
  },
  {
    name: 'Cloud API template sent, not yet delivered',
    build: (base) => [template('UTILITY', base, { delivery: 'PENDING', deliveredAt: null })],
    ...same(FREE('PENDING')),
  },
  {
    name: 'non-template with no customer message at all',
    build: (base) => [outbound(base)],
    ...same(FREE('REJECTED_OUTSIDE_WINDOW')),
  },
  {
    name: 'non-template 30 h after the customer message',
    build: (base) => [inbound(base), outbound(hoursAfter(base, 30))],
    ...same(FREE('REJECTED_OUTSIDE_WINDOW')),
  },
  {
    name: 'entry point: the first Cloud API reply to a referral',
    build: (base) => [
      inbound(base, { hasReferral: true }),
      template('MARKETING', hoursAfter(base, 2)),
    ],
    ...same(FREE('FREE_ENTRY_POINT', 'MARKETING')),
  },
  {
    name: 'entry point: a utility template 60 h after the reply (CSW closed, FEP open)',
    build: (base) => [
      inbound(base, { hasReferral: true }),
      outbound(hoursAfter(base, 2)),
      template('UTILITY', hoursAfter(base, 62)),
    ],
    ...same(FREE('FREE_ENTRY_POINT', 'UTILITY')),
  },
  {
    name: 'entry point: an authentication template inside the FEP window',
    build: (base) => [
      inbound(base, { hasReferral: true }),
      outbound(hoursAfter(base, 23)),
      template('AUTHENTICATION', hoursAfter(base, 50)),
    ],
    ...same(FREE('FREE_ENTRY_POINT', 'AUTHENTICATION')),
  },
  {
    name: 'entry point: a non-template reply inside both windows',
    build: (base) => [inbound(base, { hasReferral: true }), outbound(hoursAfter(base, 1))],
    ...same(FREE('FREE_ENTRY_POINT', 'SERVICE')),
  },
  {
    name: 'entry point: a non-template after the CSW closed is still refused',
    build: (base) => [
      inbound(base, { hasReferral: true }),
      outbound(hoursAfter(base, 1)),
      outbound(hoursAfter(base, 30)),
    ],
    ...same(FREE('REJECTED_OUTSIDE_WINDOW')),
  },
  {
    name: 'entry point: an echo reply does not start it, the first Cloud API reply does',
    build: (base) => [
      inbound(base, { hasReferral: true }),
      outbound(hoursAfter(base, 1), { origin: 'BUSINESS_APP', api: null }),
      template('MARKETING', hoursAfter(base, 20)),
      template('MARKETING', hoursAfter(base, 20 + 71)),
    ],
    ...same(FREE('FREE_ENTRY_POINT', 'MARKETING')),
  },
  {
    name: 'marketing template outside any window',
    build: (base) => [template('MARKETING', base)],
    ...same({
      reason: 'BILLED',
      amount: '0.0107',
      rate: '0.0107',
      tier: null,
      category: 'MARKETING',
      billable: true,
      market: 'India',
    }),
  },
  {
    name: 'marketing template inside the CSW is still charged',
    build: (base) => [inbound(base), template('MARKETING', hoursAfter(base, 1))],
    ...same({
      reason: 'BILLED',
      amount: '0.0107',
      rate: '0.0107',
      tier: null,
      category: 'MARKETING',
      billable: true,
    }),
  },
  {
    name: 'marketing template through MM Lite',
    build: (base) => [template('MARKETING', base, { api: 'MM_LITE' })],
    ...same({
      reason: 'BILLED',
      amount: '0.0107',
      rate: '0.0107',
      tier: null,
      category: 'MARKETING_LITE',
      billable: true,
    }),
  },
  {
    name: 'marketing template to North America',
    build: (base) => [template('MARKETING', base, { contact: US })],
    ...same({
      reason: 'BILLED',
      amount: '0.025',
      rate: '0.025',
      category: 'MARKETING',
      billable: true,
      market: 'North America',
    }),
  },
  {
    name: 'utility template inside the CSW',
    build: (base) => [inbound(base), template('UTILITY', hoursAfter(base, 4))],
    august: FREE('FREE_CUSTOMER_SERVICE_WINDOW', 'UTILITY'),
    november: {
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      tier: '0:1000',
      category: 'UTILITY',
      billable: true,
    },
  },
  {
    name: 'utility template outside the CSW',
    build: (base) => [template('UTILITY', base)],
    ...same({
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      tier: '0:1000',
      category: 'UTILITY',
      billable: true,
    }),
  },
  {
    name: 'utility template outside the CSW to a market without a ladder',
    build: (base) => [template('UTILITY', base, { contact: US })],
    ...same({
      reason: 'BILLED',
      amount: '0.0034',
      rate: '0.0034',
      tier: '0:MAX',
      category: 'UTILITY',
      billable: true,
    }),
  },
  {
    name: 'authentication template (domestic: no auth-international start)',
    build: (base) => [template('AUTHENTICATION', base)],
    ...same({
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      tier: '0:MAX',
      category: 'AUTHENTICATION',
      billable: true,
    }),
  },
  {
    name: 'authentication template inside the CSW is charged',
    build: (base) => [inbound(base), template('AUTHENTICATION', hoursAfter(base, 1))],
    ...same({
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      category: 'AUTHENTICATION',
      billable: true,
    }),
  },
  {
    name: 'authentication-international: rate exists, started, primary country elsewhere',
    build: (base) => [template('AUTHENTICATION', base)],
    account: account({
      primaryBusinessCountry: 'US',
      authInternationalStarts: [{ country: 'IN', startsAt: new Date('2026-01-01T00:00:00Z') }],
    }),
    ...same({
      reason: 'BILLED',
      amount: '0.028',
      rate: '0.028',
      tier: '0:MAX',
      category: 'AUTHENTICATION_INTERNATIONAL',
      billable: true,
    }),
  },
  {
    name: 'authentication-international: unknown primary country still bills international',
    build: (base) => [template('AUTHENTICATION', base)],
    account: account({
      primaryBusinessCountry: null,
      authInternationalStarts: [{ country: 'IN', startsAt: new Date('2026-01-01T00:00:00Z') }],
    }),
    ...same({
      reason: 'BILLED',
      amount: '0.028',
      rate: '0.028',
      category: 'AUTHENTICATION_INTERNATIONAL',
      billable: true,
    }),
  },
  {
    name: 'authentication-international negative: the market has no such rate',
    build: (base) => [template('AUTHENTICATION', base, { contact: US })],
    account: account({
      primaryBusinessCountry: 'IN',
      authInternationalStarts: [{ country: 'US', startsAt: new Date('2026-01-01T00:00:00Z') }],
    }),
    ...same({
      reason: 'BILLED',
      amount: '0.0034',
      rate: '0.0034',
      category: 'AUTHENTICATION',
      billable: true,
    }),
  },
  {
    name: 'authentication-international negative: start after delivery',
    build: (base) => [template('AUTHENTICATION', base)],
    account: account({
      primaryBusinessCountry: 'US',
      authInternationalStarts: [{ country: 'IN', startsAt: new Date('2027-01-01T00:00:00Z') }],
    }),
    ...same({
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      category: 'AUTHENTICATION',
      billable: true,
    }),
  },
  {
    name: 'authentication-international negative: start for another country only',
    build: (base) => [template('AUTHENTICATION', base)],
    account: account({
      primaryBusinessCountry: 'US',
      authInternationalStarts: [{ country: 'BR', startsAt: new Date('2026-01-01T00:00:00Z') }],
    }),
    ...same({
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      category: 'AUTHENTICATION',
      billable: true,
    }),
  },
  {
    name: 'authentication-international negative: recipient in the primary business country',
    build: (base) => [template('AUTHENTICATION', base)],
    account: account({
      primaryBusinessCountry: 'IN',
      authInternationalStarts: [{ country: 'IN', startsAt: new Date('2026-01-01T00:00:00Z') }],
    }),
    ...same({
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      category: 'AUTHENTICATION',
      billable: true,
    }),
  },
  {
    name: 'non-template inside the CSW (within the free allowance)',
    build: (base) => [inbound(base), outbound(hoursAfter(base, 3))],
    august: FREE('FREE_CUSTOMER_SERVICE_WINDOW', 'SERVICE'),
    // billable is checked in engine-known-bugs.spec.ts
    november: { reason: 'FREE_TIER', amount: '0', rate: null, tier: null, category: 'SERVICE' },
  },
  {
    name: 'non-template inside the CSW, third of an allowance of 2 (service → utility rate)',
    build: (base) => [
      inbound(base),
      outbound(hoursAfter(base, 1)),
      outbound(hoursAfter(base, 2)),
      outbound(hoursAfter(base, 3)),
    ],
    account: account({ freeServiceAllowance: 2 }),
    august: FREE('FREE_CUSTOMER_SERVICE_WINDOW', 'SERVICE'),
    november: {
      reason: 'BILLED',
      amount: '0.0014',
      rate: '0.0014',
      tier: null,
      category: 'SERVICE',
      billable: true,
    },
  },
  {
    name: 'non-template to North America beyond an allowance of 0',
    build: (base) => [
      inbound(base, { contact: US }),
      outbound(hoursAfter(base, 1), { contact: US }),
    ],
    account: account({ freeServiceAllowance: 0 }),
    august: FREE('FREE_CUSTOMER_SERVICE_WINDOW', 'SERVICE'),
    november: {
      reason: 'BILLED',
      amount: '0.0034',
      rate: '0.0034',
      tier: null,
      category: 'SERVICE',
      billable: true,
      market: 'North America',
    },
  },
  {
    name: 'marketing template to a market the card does not price',
    build: (base) => [template('MARKETING', base, { contact: DOMINICAN })],
    ...same({
      reason: 'NO_RATE',
      amount: '0',
      rate: null,
      tier: null,
      category: 'MARKETING',
      billable: true,
      market: 'Rest of Latin America',
    }),
  },
  {
    name: 'utility template to a market the card does not price',
    build: (base) => [template('UTILITY', base, { contact: DOMINICAN })],
    ...same({
      reason: 'NO_RATE',
      amount: '0',
      rate: null,
      category: 'UTILITY',
      billable: true,
    }),
  },
];

describe('chargeMessages: the rules table of docs/charging-rules.md', () => {
  const cases = ROWS.flatMap((row) => [
    { regime: 'August 2026 (PER_MESSAGE)', base: AUGUST, expected: row.august, row },
    {
      regime: 'November 2026 (PER_MESSAGE_SERVICE_CHARGED)',
      base: NOVEMBER,
      expected: row.november,
      row,
    },
  ]);

  it.each(cases)('$row.name — $regime', ({ base, expected, row }) => {
    const result = chargeOfLast(row.build(base), { account: row.account });
    expect(result.reason).toBe(expected.reason);
    expect(result.amount).toBe(expected.amount);
    expect(result.source).toBe('ESTIMATE');
    expect(result.currency).toBe('USD');
    if (expected.rate !== undefined) expect(result.rate).toBe(expected.rate);
    if (expected.tier !== undefined) expect(result.tier).toBe(expected.tier);
    if (expected.category !== undefined) expect(result.pricingCategory).toBe(expected.category);
    if (expected.billable !== undefined) expect(result.billable).toBe(expected.billable);
    if (expected.market !== undefined) expect(result.market).toBe(expected.market);
    if (result.rate !== null) expect(result.rateCardId).toBe('card-usd-test');
    expect(result.explanation.length).toBeGreaterThan(0);
  });

  it('NO_RATE explains which card and market lack the rate', () => {
    const result = chargeOfLast([template('MARKETING', AUGUST, { contact: DOMINICAN })]);
    expect(result.explanation).toContain('Rest of Latin America');
    expect(result.explanation).toContain('Test USD card');
    expect(result.rateCardId).toBeNull();
  });

  it('NO_RATE when no card in that currency is in force', () => {
    const result = chargeOfLast([template('MARKETING', AUGUST)], {
      account: account({ currency: 'EUR' }),
    });
    expect(result).toMatchObject({ reason: 'NO_RATE', amount: '0', rate: null, currency: 'EUR' });
  });

  describe('conversation-based era (June 2025)', () => {
    const JUNE_2025 = '2025-06-15T10:00:00Z';

    it.each(['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const)(
      '%s template is NO_RATE, explained as conversation-based',
      (category) => {
        const result = chargeOfLast([template(category, JUNE_2025)]);
        expect(result.reason).toBe('NO_RATE');
        expect(result.amount).toBe('0');
        expect(result.rate).toBeNull();
        expect(result.billable).toBe(true);
        expect(result.explanation).toMatch(/conversation-based/);
      },
    );

    it('a non-template in the window is NO_RATE, explained as conversation-based', () => {
      const result = chargeOfLast([inbound(JUNE_2025), outbound(hoursAfter(JUNE_2025, 1))]);
      expect(result.reason).toBe('NO_RATE');
      expect(result.explanation).toMatch(/conversation-based/);
    });

    it('inbound messages stay FREE_INBOUND', () => {
      expect(chargeOfLast([inbound(JUNE_2025)]).reason).toBe('FREE_INBOUND');
    });

    it('the first per-message day (2025-07-01 UTC) is priced', () => {
      const result = chargeOfLast([template('MARKETING', '2025-07-01T00:00:00Z')]);
      expect(result).toMatchObject({ reason: 'BILLED', amount: '0.0107' });
    });

    it('the last conversation-based instant (2025-06-30T23:59:59Z delivery) is not', () => {
      const result = chargeOfLast([
        template('MARKETING', '2025-06-30T23:59:58Z', {
          deliveredAt: new Date('2025-06-30T23:59:59Z'),
        }),
      ]);
      expect(result.reason).toBe('NO_RATE');
    });
  });

  it('the non-templates in the free allowance run FREE_TIER, FREE_TIER, BILLED with ordinals', () => {
    const messages = [
      inbound(NOVEMBER),
      outbound(hoursAfter(NOVEMBER, 1)),
      outbound(hoursAfter(NOVEMBER, 2)),
      outbound(hoursAfter(NOVEMBER, 3)),
    ];
    const charges = charge(messages, { account: account({ freeServiceAllowance: 2 }) });
    const outs = messages.slice(1).map((m) => charges.get(m.id)!);
    expect(outs.map((c) => c.reason)).toEqual(['FREE_TIER', 'FREE_TIER', 'BILLED']);
    expect(outs.map((c) => c.amount)).toEqual(['0', '0', '0.0014']);
    expect(outs.map((c) => c.sequenceOrdinal)).toEqual([1, 2, 3]);
    expect(outs[0].sequenceGroup).toBe('A|phone-1|2026-11');
  });
});
