import { deliveryState } from '../../../messages/utils/message-facts';
import {
  account,
  BAHAMAS,
  CANADA,
  charge,
  chargeOfLast,
  DOMINICAN,
  hoursAfter,
  inbound,
  INDIA,
  INDIA_2,
  msAfter,
  outbound,
  template,
  US,
} from './engine-fixtures';

const AUGUST = '2026-08-11T10:00:00Z';
const NOVEMBER = '2026-11-11T10:00:00Z';
const DAY_MS = 24 * 3_600_000;

describe('chargeMessages: window edges (half-open)', () => {
  it('a non-template exactly 24 h after the customer message is outside the window', () => {
    const result = chargeOfLast([inbound(AUGUST), outbound(msAfter(AUGUST, DAY_MS))]);
    expect(result.reason).toBe('REJECTED_OUTSIDE_WINDOW');
  });

  it('a non-template 24 h − 1 ms after the customer message is inside', () => {
    const result = chargeOfLast([inbound(AUGUST), outbound(msAfter(AUGUST, DAY_MS - 1))]);
    expect(result.reason).toBe('FREE_CUSTOMER_SERVICE_WINDOW');
  });

  it('a non-template at the same instant as the customer message is inside', () => {
    const result = chargeOfLast([inbound(AUGUST), outbound(AUGUST)]);
    expect(result.reason).toBe('FREE_CUSTOMER_SERVICE_WINDOW');
  });

  it('a utility template exactly 24 h after the customer message is billed (Aug)', () => {
    const result = chargeOfLast([inbound(AUGUST), template('UTILITY', msAfter(AUGUST, DAY_MS))]);
    expect(result).toMatchObject({ reason: 'BILLED', amount: '0.0014', tier: '0:1000' });
  });

  it('a later customer message refreshes the window', () => {
    const result = chargeOfLast([
      inbound(AUGUST),
      inbound(hoursAfter(AUGUST, 20)),
      outbound(hoursAfter(AUGUST, 40)),
    ]);
    expect(result.reason).toBe('FREE_CUSTOMER_SERVICE_WINDOW');
  });

  it('a customer message after the business message does not open a window for it', () => {
    const messages = [outbound(AUGUST), inbound(hoursAfter(AUGUST, 1))];
    const charges = charge(messages);
    expect(charges.get(messages[0].id)!.reason).toBe('REJECTED_OUTSIDE_WINDOW');
  });

  it('windows belong to one conversation: another contact or number does not open them', () => {
    const messages = [
      inbound(AUGUST, { contact: INDIA_2 }),
      inbound(AUGUST, { phoneNumberId: 'phone-2' }),
      outbound(hoursAfter(AUGUST, 1)),
    ];
    expect(chargeOfLast(messages).reason).toBe('REJECTED_OUTSIDE_WINDOW');
  });

  it('the window is decided at the send time, not at the delivery time', () => {
    const result = chargeOfLast([
      inbound(AUGUST),
      outbound(msAfter(AUGUST, DAY_MS - 1), { deliveredAt: msAfter(AUGUST, DAY_MS + 60_000) }),
    ]);
    expect(result.reason).toBe('FREE_CUSTOMER_SERVICE_WINDOW');
  });
});

describe('chargeMessages: free entry point edges', () => {
  const referral = () => inbound(AUGUST, { hasReferral: true });

  it('a template exactly 72 h after the first reply is outside the FEP window', () => {
    const reply = outbound(hoursAfter(AUGUST, 1));
    const later = template('MARKETING', hoursAfter(AUGUST, 73));
    expect(chargeOfLast([referral(), reply, later])).toMatchObject({
      reason: 'BILLED',
      amount: '0.0107',
    });
  });

  it('a template 72 h − 1 ms after the first reply is inside', () => {
    const reply = outbound(hoursAfter(AUGUST, 1));
    const later = template('MARKETING', msAfter(hoursAfter(AUGUST, 73), -1));
    expect(chargeOfLast([referral(), reply, later]).reason).toBe('FREE_ENTRY_POINT');
  });

  it('a reply exactly 24 h after the referral does not start the FEP window', () => {
    const reply = template('MARKETING', msAfter(AUGUST, DAY_MS));
    expect(chargeOfLast([referral(), reply])).toMatchObject({
      reason: 'BILLED',
      amount: '0.0107',
    });
  });

  it('a reply 24 h − 1 ms after the referral starts it', () => {
    const reply = template('MARKETING', msAfter(AUGUST, DAY_MS - 1));
    expect(chargeOfLast([referral(), reply]).reason).toBe('FREE_ENTRY_POINT');
  });

  it('the FEP window runs from the reply, not from the referral', () => {
    const reply = outbound(hoursAfter(AUGUST, 20));
    const later = template('UTILITY', hoursAfter(AUGUST, 20 + 71));
    expect(chargeOfLast([referral(), reply, later]).reason).toBe('FREE_ENTRY_POINT');
  });

  it('an inbound without a referral starts no FEP window', () => {
    const messages = [
      inbound(AUGUST),
      outbound(hoursAfter(AUGUST, 1)),
      template('MARKETING', hoursAfter(AUGUST, 30)),
    ];
    expect(chargeOfLast(messages).reason).toBe('BILLED');
  });

  it('a failed first reply does not start it; the next delivered reply does', () => {
    const messages = [
      referral(),
      outbound(hoursAfter(AUGUST, 1), { delivery: 'FAILED', deliveredAt: null }),
      outbound(hoursAfter(AUGUST, 2)),
      template('MARKETING', hoursAfter(AUGUST, 2 + 71)),
    ];
    expect(chargeOfLast(messages).reason).toBe('FREE_ENTRY_POINT');
  });

  it('an imported referral message starts no FEP window', () => {
    const messages = [
      inbound(AUGUST, { hasReferral: true, origin: 'HISTORY_IMPORT' }),
      template('MARKETING', hoursAfter(AUGUST, 1)),
    ];
    expect(chargeOfLast(messages).reason).toBe('BILLED');
  });

  it('in November the FEP window still makes non-templates free (no allowance used)', () => {
    const messages = [inbound(NOVEMBER, { hasReferral: true }), outbound(hoursAfter(NOVEMBER, 1))];
    const result = chargeOfLast(messages, { account: account({ freeServiceAllowance: 0 }) });
    expect(result).toMatchObject({
      reason: 'FREE_ENTRY_POINT',
      amount: '0',
      sequenceOrdinal: null,
    });
  });
});

describe('chargeMessages: volume tiers', () => {
  const GROUP_AUG = 'T|portfolio-1|India|UTILITY|2026-08';

  it('ordinal 1000 is the last of band 0:1000 and 1001 the first of 1001:MAX', () => {
    const first = template('UTILITY', AUGUST);
    const second = template('UTILITY', hoursAfter(AUGUST, 1));
    const charges = charge([second, first], {
      countedBefore: (group) => (group === GROUP_AUG ? 999 : 0),
    });
    expect(charges.get(first.id)).toMatchObject({
      reason: 'BILLED',
      rate: '0.0014',
      amount: '0.0014',
      tier: '0:1000',
      sequenceGroup: GROUP_AUG,
      sequenceOrdinal: 1000,
    });
    expect(charges.get(second.id)).toMatchObject({
      reason: 'BILLED',
      rate: '0.001',
      amount: '0.001',
      tier: '1001:MAX',
      sequenceGroup: GROUP_AUG,
      sequenceOrdinal: 1001,
    });
    expect(charges.get(second.id)!.explanation).toContain('1001:MAX');
  });

  it('messages at the same instant are ordered by id', () => {
    const a = template('UTILITY', AUGUST, { id: 'wamid.A' });
    const b = template('UTILITY', AUGUST, { id: 'wamid.B' });
    const charges = charge([b, a], { countedBefore: () => 999 });
    expect(charges.get('wamid.A')!.sequenceOrdinal).toBe(1000);
    expect(charges.get('wamid.B')!.sequenceOrdinal).toBe(1001);
  });

  it('free and failed utility templates do not take a place in the counter', () => {
    const messages = [
      inbound(AUGUST),
      template('UTILITY', hoursAfter(AUGUST, 1)), // free in the CSW
      template('UTILITY', hoursAfter(AUGUST, 2), { delivery: 'FAILED', deliveredAt: null }),
      template('UTILITY', hoursAfter(AUGUST, 30)),
    ];
    const charges = charge(messages, { countedBefore: () => 1000 });
    expect(charges.get(messages[1].id)!.sequenceOrdinal).toBeNull();
    expect(charges.get(messages[2].id)!.sequenceOrdinal).toBeNull();
    expect(charges.get(messages[3].id)).toMatchObject({ sequenceOrdinal: 1001, tier: '1001:MAX' });
  });

  it('the counter is per portfolio across phone numbers and WABAs', () => {
    const messages = [
      template('UTILITY', AUGUST, { phoneNumberId: 'phone-1' }),
      template('UTILITY', hoursAfter(AUGUST, 1), { phoneNumberId: 'phone-2' }),
    ];
    const charges = charge(messages, {
      accounts: {
        'phone-1': account({ wabaId: 'waba-1' }),
        'phone-2': account({ wabaId: 'waba-2' }),
      },
      countedBefore: () => 999,
    });
    expect(charges.get(messages[1].id)).toMatchObject({ sequenceOrdinal: 1001, amount: '0.001' });
  });

  it('different portfolios, markets and categories count apart', () => {
    const messages = [
      template('UTILITY', AUGUST, { phoneNumberId: 'phone-2' }),
      template('UTILITY', hoursAfter(AUGUST, 1), { contact: US }),
      template('AUTHENTICATION', hoursAfter(AUGUST, 2)),
      template('UTILITY', hoursAfter(AUGUST, 3)),
    ];
    const charges = charge(messages, {
      accounts: {
        'phone-1': account(),
        'phone-2': account({ portfolioId: 'portfolio-2' }),
      },
    });
    expect(messages.map((m) => charges.get(m.id)!.sequenceOrdinal)).toEqual([1, 1, 1, 1]);
    expect(charges.get(messages[2].id)!.sequenceGroup).toBe(
      'T|portfolio-1|India|AUTHENTICATION|2026-08',
    );
  });

  it('authentication and authentication-international accrue together', () => {
    const intl = account({
      authInternationalStarts: [{ country: 'IN', startsAt: new Date('2026-08-11T11:30:00Z') }],
    });
    const messages = [
      template('AUTHENTICATION', AUGUST),
      template('AUTHENTICATION', hoursAfter(AUGUST, 1)),
      template('AUTHENTICATION', hoursAfter(AUGUST, 2)),
    ];
    const charges = charge(messages, { account: intl });
    const result = messages.map((m) => charges.get(m.id)!);
    expect(result.map((c) => c.pricingCategory)).toEqual([
      'AUTHENTICATION',
      'AUTHENTICATION',
      'AUTHENTICATION_INTERNATIONAL',
    ]);
    expect(result.map((c) => c.amount)).toEqual(['0.0014', '0.0014', '0.028']);
    expect(result.map((c) => c.sequenceOrdinal)).toEqual([1, 2, 3]);
    expect(new Set(result.map((c) => c.sequenceGroup)).size).toBe(1);
  });

  it('auth-international start exactly at delivery counts as started', () => {
    const at = new Date(AUGUST);
    const message = template('AUTHENTICATION', msAfter(at, -1000), { deliveredAt: at });
    const result = chargeOfLast([message], {
      account: account({ authInternationalStarts: [{ country: 'IN', startsAt: at }] }),
    });
    expect(result.pricingCategory).toBe('AUTHENTICATION_INTERNATIONAL');
  });

  it('tier counters reset at the local month start (UTC)', () => {
    const october = template('UTILITY', '2026-10-31T23:59:00Z');
    const november = template('UTILITY', '2026-11-01T00:00:00Z', {
      deliveredAt: new Date('2026-11-01T00:00:00Z'),
    });
    const charges = charge([october, november], {
      countedBefore: (group) => (group.endsWith('2026-10') ? 1000 : 0),
    });
    expect(charges.get(october.id)).toMatchObject({
      sequenceGroup: 'T|portfolio-1|India|UTILITY|2026-10',
      sequenceOrdinal: 1001,
      amount: '0.001',
    });
    expect(charges.get(november.id)).toMatchObject({
      sequenceGroup: 'T|portfolio-1|India|UTILITY|2026-11',
      sequenceOrdinal: 1,
      amount: '0.0014',
      month: '2026-11',
    });
  });

  it('tier counters reset at the local month start (America/Sao_Paulo, UTC−3)', () => {
    const saoPaulo = account({ timezone: 'America/Sao_Paulo' });
    // 2026-11-01T02:00Z is 2026-10-31T23:00 in São Paulo; 03:30Z is 2026-11-01T00:30.
    const lateOctober = template('UTILITY', '2026-11-01T01:59:00Z', {
      deliveredAt: new Date('2026-11-01T02:00:00Z'),
    });
    const earlyNovember = template('UTILITY', '2026-11-01T03:29:00Z', {
      deliveredAt: new Date('2026-11-01T03:30:00Z'),
    });
    const charges = charge([lateOctober, earlyNovember], { account: saoPaulo });
    expect(charges.get(lateOctober.id)).toMatchObject({ month: '2026-10', day: '2026-10-31' });
    expect(charges.get(lateOctober.id)!.sequenceGroup).toMatch(/\|2026-10$/);
    expect(charges.get(earlyNovember.id)).toMatchObject({ month: '2026-11', day: '2026-11-01' });
    expect(charges.get(earlyNovember.id)!.sequenceOrdinal).toBe(1);
  });

  it('the free service allowance resets per local month and is per phone number', () => {
    const saoPaulo = account({ timezone: 'America/Sao_Paulo', freeServiceAllowance: 1 });
    const messages = [
      inbound('2026-11-30T20:00:00Z'),
      outbound('2026-11-30T21:00:00Z'), // Nov local: 1st of the month's allowance
      outbound('2026-11-30T22:00:00Z'), // Nov local: 2nd → billed
      outbound('2026-12-01T03:30:00Z'), // 2026-12-01T00:30 local: 1st of December
      inbound('2026-11-30T20:00:00Z', { phoneNumberId: 'phone-2' }),
      outbound('2026-11-30T22:30:00Z', { phoneNumberId: 'phone-2' }),
    ];
    const charges = charge(messages, { account: saoPaulo });
    expect(messages.slice(1).map((m) => charges.get(m.id)!.reason)).toEqual([
      'FREE_TIER',
      'BILLED',
      'FREE_TIER',
      'FREE_INBOUND',
      'FREE_TIER',
    ]);
  });
});

describe('chargeMessages: regime boundary in the WABA timezone (America/Sao_Paulo)', () => {
  const saoPaulo = account({ timezone: 'America/Sao_Paulo' });
  const customer = inbound('2026-09-30T22:00:00Z');

  it('in-window utility delivered 2026-10-01T02:00Z (30 Sep local) is free', () => {
    const result = chargeOfLast(
      [
        customer,
        template('UTILITY', '2026-10-01T01:59:00Z', {
          deliveredAt: new Date('2026-10-01T02:00:00Z'),
        }),
      ],
      { account: saoPaulo },
    );
    expect(result).toMatchObject({
      reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
      amount: '0',
      day: '2026-09-30',
      month: '2026-09',
    });
  });

  it('in-window utility delivered 2026-10-01T03:30Z (1 Oct local) is billed', () => {
    const result = chargeOfLast(
      [
        customer,
        template('UTILITY', '2026-10-01T03:29:00Z', {
          deliveredAt: new Date('2026-10-01T03:30:00Z'),
        }),
      ],
      { account: saoPaulo },
    );
    expect(result).toMatchObject({
      reason: 'BILLED',
      amount: '0.0014',
      tier: '0:1000',
      day: '2026-10-01',
      month: '2026-10',
    });
  });

  it('the same instant in UTC is already October', () => {
    const result = chargeOfLast([
      customer,
      template('UTILITY', '2026-10-01T01:59:00Z', {
        deliveredAt: new Date('2026-10-01T02:00:00Z'),
      }),
    ]);
    expect(result.reason).toBe('BILLED');
  });

  it('the regime follows the delivery time, not the send time', () => {
    const result = chargeOfLast(
      [
        customer,
        template('UTILITY', '2026-10-01T02:30:00Z', {
          deliveredAt: new Date('2026-10-01T03:00:00Z'),
        }),
      ],
      { account: saoPaulo },
    );
    expect(result).toMatchObject({ reason: 'BILLED', day: '2026-10-01' });
  });

  it('an undelivered message is dated by its send time', () => {
    const result = chargeOfLast(
      [template('UTILITY', '2026-10-01T02:30:00Z', { delivery: 'PENDING', deliveredAt: null })],
      { account: saoPaulo },
    );
    expect(result).toMatchObject({ reason: 'PENDING', day: '2026-09-30' });
  });

  it('non-template in the window: free on 30 Sep local, allowance from 1 Oct local', () => {
    const before = outbound('2026-10-01T02:00:00Z', {
      deliveredAt: new Date('2026-10-01T02:10:00Z'),
    });
    const after = outbound('2026-10-01T03:30:00Z', {
      deliveredAt: new Date('2026-10-01T03:31:00Z'),
    });
    const charges = charge([customer, before, after], {
      account: account({ timezone: 'America/Sao_Paulo', freeServiceAllowance: 0 }),
    });
    expect(charges.get(before.id)!.reason).toBe('FREE_CUSTOMER_SERVICE_WINDOW');
    expect(charges.get(after.id)).toMatchObject({ reason: 'BILLED', amount: '0.0014' });
  });
});

describe('chargeMessages: recipients', () => {
  it.each([
    [US, 'North America', 'US', 'BILLED', '0.025'],
    [CANADA, 'North America', 'CA', 'BILLED', '0.025'],
    [INDIA, 'India', 'IN', 'BILLED', '0.0107'],
    [DOMINICAN, 'Rest of Latin America', 'DO', 'NO_RATE', '0'],
    ['18295551234', 'Rest of Latin America', 'DO', 'NO_RATE', '0'],
    [BAHAMAS, 'Other', 'BS', 'NO_RATE', '0'],
    ['+1 (212) 555-1234', 'North America', 'US', 'BILLED', '0.025'],
  ])('marketing to %s → %s (%s) %s %s', (contact, market, country, reason, amount) => {
    const result = chargeOfLast([template('MARKETING', AUGUST, { contact })]);
    expect(result).toMatchObject({ market, country, reason, amount });
  });

  it.each(['not-a-number', '+', '1'])(
    'unparseable contact %j → NO_RATE, market Other',
    (contact) => {
      const result = chargeOfLast([template('MARKETING', AUGUST, { contact })]);
      expect(result).toMatchObject({
        reason: 'NO_RATE',
        amount: '0',
        rate: null,
        market: 'Other',
        country: null,
      });
      expect(result.explanation).toMatch(/unparseable/);
    },
  );

  it('no phone number and no country code → NO_RATE, market unknown', () => {
    const result = chargeOfLast([template('MARKETING', AUGUST, { contact: '' })]);
    expect(result).toMatchObject({ reason: 'NO_RATE', amount: '0', market: null, country: null });
    expect(result.explanation).toMatch(/market is unknown/);
  });

  it('a valid country with an impossible length is still priced by country, problem explained', () => {
    const result = chargeOfLast([template('MARKETING', AUGUST, { contact: '91987654' })]);
    expect(result.market).toBe('India');
    expect(result.explanation).toMatch(/not a possible length/);
  });

  it('an unknown NANP area code → Other, explained', () => {
    const result = chargeOfLast([template('MARKETING', AUGUST, { contact: '19995551234' })]);
    expect(result).toMatchObject({ reason: 'NO_RATE', market: 'Other' });
    expect(result.explanation).toMatch(/area code 999/);
  });
});

describe('chargeMessages: delivery state derived by the caller', () => {
  it('a failed status after a delivered one counts as delivered and is billed', () => {
    const deliveredAt = new Date('2026-08-11T10:00:05Z');
    const delivery = deliveryState({
      deliveredAt,
      readAt: null,
      failedAt: new Date('2026-08-11T10:00:09Z'),
    });
    expect(delivery).toBe('DELIVERED');
    const result = chargeOfLast([template('MARKETING', AUGUST, { delivery, deliveredAt })]);
    expect(result).toMatchObject({ reason: 'BILLED', amount: '0.0107' });
  });

  it('a failed status alone is NOT_DELIVERED', () => {
    const delivery = deliveryState({ deliveredAt: null, readAt: null, failedAt: new Date(AUGUST) });
    const result = chargeOfLast([template('MARKETING', AUGUST, { delivery, deliveredAt: null })]);
    expect(result.reason).toBe('NOT_DELIVERED');
  });

  it('a read status alone counts as delivered', () => {
    const readAt = new Date('2026-08-11T10:00:05Z');
    const delivery = deliveryState({ deliveredAt: null, readAt, failedAt: null });
    expect(delivery).toBe('DELIVERED');
  });
});
