import type { EngineMessage } from '../engine.types';
import {
  account,
  charge,
  chargeOfLast,
  hoursAfter,
  inbound,
  INDIA,
  outbound,
  template,
  US,
} from './engine-fixtures';

/**
 * Usernames (business-scoped user ids), Groups API deliveries and the conversation-based pricing
 * carry-over, each against the sentence of Meta's that decides it.
 */

const AUGUST = '2026-08-11T10:00:00Z';
const NOVEMBER = '2026-11-11T10:00:00Z';
const BSUID = 'US.13491208655302741918';

/** A customer known only by a BSUID: Meta's `contacts[].profile.country_code` gives the market. */
const byUserId = (country: string | null): Partial<EngineMessage> => ({
  contact: BSUID,
  recipient: { phone: null, country },
});

describe('usernames: a customer known only by a business-scoped user id', () => {
  // Meta, "Business-scoped user IDs": "If you don't know their phone number but still need to
  // communicate with them, you can send a message to their BSUID"; "Country code will be included
  // in all messages webhooks".
  it('an inbound message opens the service window for replies to the BSUID', () => {
    const reply = outbound(hoursAfter(AUGUST, 1), byUserId('IN'));
    const result = chargeOfLast([inbound(AUGUST, byUserId('IN')), reply]);
    expect(result).toMatchObject({
      reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
      amount: '0',
      market: 'India',
      country: 'IN',
    });
  });

  it('a marketing template to the BSUID is priced at the market of its country code', () => {
    const result = chargeOfLast([template('MARKETING', AUGUST, byUserId('IN'))]);
    expect(result).toMatchObject({
      reason: 'BILLED',
      amount: '0.0107',
      rate: '0.0107',
      market: 'India',
      country: 'IN',
    });
  });

  it('the phone number decides the market when both are known', () => {
    const result = chargeOfLast([
      template('MARKETING', AUGUST, {
        contact: US,
        recipient: { phone: US, country: 'IN' },
      }),
    ]);
    expect(result).toMatchObject({ market: 'North America', country: 'US', amount: '0.025' });
  });

  it('neither a phone number nor a country code: NO_RATE, never a guessed market', () => {
    const result = chargeOfLast([template('MARKETING', AUGUST, byUserId(null))]);
    expect(result).toMatchObject({ reason: 'NO_RATE', amount: '0', market: null, country: null });
    expect(result.billable).toBe(true);
  });

  it('utility to a BSUID counts in the volume tiers of its market', () => {
    const charges = charge([
      template('UTILITY', NOVEMBER, byUserId('IN')),
      template('UTILITY', hoursAfter(NOVEMBER, 1), { contact: INDIA }),
    ]);
    const places = [...charges.values()].map((entry) => entry.sequenceOrdinal).sort();
    expect(places).toEqual([1, 2]);
    for (const entry of charges.values()) expect(entry.sequenceGroup).toContain('|India|UTILITY|');
  });
});

describe('groups: each participant reached is a delivery of its own', () => {
  const GROUP = 'Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD';
  const delivery = (participant: string, overrides: Partial<EngineMessage> = {}) => ({
    contact: GROUP,
    groupId: GROUP,
    recipient: { phone: participant, country: null },
    ...overrides,
  });

  // Meta, Groups API pricing: "if you send a (billable) marketing template message to a group
  // with 5 WhatsApp users and it is delivered to all 5 users, you would be charged for 5
  // delivered messages at the going marketing message rate for each recipient's country code."
  it('a marketing template to two participants is two charges at their own markets', () => {
    const toIndia = template('MARKETING', AUGUST, delivery(INDIA));
    const toUs = template('MARKETING', AUGUST, delivery(US));
    const charges = charge([toIndia, toUs]);
    expect(charges.get(toIndia.id)).toMatchObject({
      reason: 'BILLED',
      pricingCategory: 'GROUP_MARKETING',
      market: 'India',
      amount: '0.0107',
    });
    expect(charges.get(toUs.id)).toMatchObject({
      reason: 'BILLED',
      pricingCategory: 'GROUP_MARKETING',
      market: 'North America',
      amount: '0.025',
    });
  });

  // "If the message was delivered to only 4 of the 5 users, you would only be charged for the 4."
  it('a participant the message never reached is not charged', () => {
    const result = chargeOfLast([
      template('MARKETING', AUGUST, delivery(INDIA, { delivery: 'FAILED', deliveredAt: null })),
    ]);
    expect(result).toMatchObject({ reason: 'NOT_DELIVERED', amount: '0' });
  });

  // "When any WhatsApp user in the group messages you, a customer service window is opened
  // between you and the entire group"; free: "utility messages sent within group customer
  // service windows" and "all non-templates messages".
  it("one member's message opens the window for the whole group: utility to another is free", () => {
    const result = chargeOfLast([
      inbound(NOVEMBER, { contact: GROUP, groupId: GROUP }),
      template('UTILITY', hoursAfter(NOVEMBER, 1), delivery(US)),
    ]);
    expect(result).toMatchObject({
      reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
      pricingCategory: 'GROUP_UTILITY',
      amount: '0',
    });
  });

  // "Group utility messages are not eligible for volume tiers."
  it('group utility outside the window is billed without a tier place', () => {
    const result = chargeOfLast([template('UTILITY', NOVEMBER, delivery(INDIA))]);
    expect(result).toMatchObject({
      reason: 'BILLED',
      pricingCategory: 'GROUP_UTILITY',
      amount: '0.0014',
      tier: null,
      sequenceGroup: null,
    });
  });

  it("Meta's group verdicts: regular is billed, free_group_customer_service is free", () => {
    const billed = template(
      'UTILITY',
      NOVEMBER,
      delivery(INDIA, {
        metaPricing: { billable: true, type: 'regular', category: 'group_utility' },
      }),
    );
    const free = template(
      'UTILITY',
      NOVEMBER,
      delivery(US, {
        metaPricing: {
          billable: false,
          type: 'free_group_customer_service',
          category: 'group_utility',
        },
      }),
    );
    const charges = charge([billed, free]);
    expect(charges.get(billed.id)).toMatchObject({
      reason: 'BILLED',
      source: 'META',
      pricingCategory: 'GROUP_UTILITY',
      amount: '0.0014',
      sequenceGroup: null,
    });
    expect(charges.get(free.id)).toMatchObject({
      reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
      source: 'META',
      amount: '0',
    });
  });
});

describe('the switch from conversation-based to per-message pricing', () => {
  // Meta pricing page, "Edge case": "a utility conversation is opened between you and a user that
  // spans the switch to per-message pricing ... utility templates sent to the user after the
  // switch while the conversation is open will be free, but attributed to the open conversation."
  const OPENED = '2025-06-30T20:00:00Z';

  it('a utility template after the switch, inside a conversation opened before it, is free', () => {
    const result = chargeOfLast([
      template('UTILITY', OPENED),
      template('UTILITY', '2025-07-01T05:00:00Z'),
    ]);
    expect(result).toMatchObject({
      reason: 'FREE_CBP_CONVERSATION',
      amount: '0',
      billable: false,
      pricingCategory: 'UTILITY',
    });
  });

  it('once the 24-hour conversation has closed, utility is billed per message', () => {
    const result = chargeOfLast([
      template('UTILITY', OPENED),
      template('UTILITY', hoursAfter(OPENED, 25)),
    ]);
    expect(result).toMatchObject({ reason: 'BILLED', amount: '0.0014' });
  });

  it('the switch is 12am in the WABA timezone', () => {
    // 2025-06-30T23:00Z is already July 1 in Berlin (UTC+2): that delivery is per-message
    // pricing and opens no conversation.
    const berlin = account({ timezone: 'Europe/Berlin' });
    const result = chargeOfLast(
      [template('UTILITY', '2025-06-30T23:00:00Z'), template('UTILITY', '2025-07-01T05:00:00Z')],
      { account: berlin },
    );
    expect(result).toMatchObject({ reason: 'BILLED', amount: '0.0014' });
  });

  it('marketing is charged after the switch even inside such a conversation', () => {
    const result = chargeOfLast([
      template('UTILITY', OPENED),
      template('MARKETING', '2025-07-01T05:00:00Z'),
    ]);
    expect(result).toMatchObject({ reason: 'BILLED', amount: '0.0107' });
  });

  // "In status messages webhooks, these messages will have a pricing_model of CBP".
  it("Meta's verdict with pricing_model CBP after the switch: free for the open conversation", () => {
    const result = chargeOfLast([
      template('UTILITY', '2025-07-01T05:00:00Z', {
        metaPricing: { billable: false, type: null, category: 'utility', model: 'CBP' },
      }),
    ]);
    expect(result).toMatchObject({ reason: 'FREE_CBP_CONVERSATION', source: 'META', amount: '0' });
  });
});
