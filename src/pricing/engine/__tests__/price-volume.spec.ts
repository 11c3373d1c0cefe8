import { money, toDecimalString } from '../../money';
import { classifyMessage } from '../classify-message';
import type { Classification, EngineAccount, EngineMessage } from '../engine.types';
import { priceClassified } from '../price-classified';
import { priceVolume } from '../price-volume';
import { ConversationWindows } from '../../windows/conversation-windows';
import {
  account,
  bookOf,
  inbound,
  INDIA,
  outbound,
  TEST_CARD_DATA,
  template,
} from './engine-fixtures';

const CARD = {
  id: 'card-volume',
  importedSeq: 1,
  data: {
    ...TEST_CARD_DATA,
    rates: {
      ...TEST_CARD_DATA.rates,
      India: { ...TEST_CARD_DATA.rates.India, SERVICE: '0.0009' },
    },
    tiers: {
      India: {
        UTILITY: [
          { from: 0, to: 10, rate: '0.0014', label: '0:10' },
          { from: 10, to: 25, rate: '0.001', label: '11:25' },
          { from: 25, to: null, rate: '0.0007', label: '26:MAX' },
        ],
        AUTHENTICATION_INTERNATIONAL: [
          { from: 0, to: 5, rate: '0.028', label: '0:5' },
          { from: 5, to: null, rate: '0.02', label: '6:MAX' },
        ],
      },
    },
  },
};
const BOOK = bookOf([CARD]);

function classify(messages: EngineMessage[], acct: EngineAccount = account()): Classification {
  const windows = new ConversationWindows(messages);
  return classifyMessage(messages[messages.length - 1], windows, acct, BOOK);
}

/** The sum of pricing each message on its own with priceClassified. */
function oneByOne(classification: Classification, first: number, count: number, allowance = 3) {
  let total = money('0');
  const byReason = new Map<string, number>();
  for (let k = first; k < first + count; k++) {
    const charge = priceClassified(classification, {
      ordinal: classification.sequence ? k : null,
      freeServiceAllowance: allowance,
    });
    total = total.plus(charge.amount);
    byReason.set(charge.reason, (byReason.get(charge.reason) ?? 0) + 1);
  }
  return { amount: toDecimalString(total), byReason };
}

function reasons(parts: { reason: string; quantity: number }[]) {
  const map = new Map<string, number>();
  for (const part of parts) map.set(part.reason, (map.get(part.reason) ?? 0) + part.quantity);
  return map;
}

describe('priceVolume', () => {
  const utility = classify([template('UTILITY', '2026-03-02T12:00:00Z')]);

  it('prices a tiered volume crossing two band boundaries exactly', () => {
    const priced = priceVolume(utility, { firstOrdinal: 8, count: 20, freeServiceAllowance: 3 });
    // 8..10 at 0.0014, 11..25 at 0.001, 26..27 at 0.0007
    expect(priced.parts.map((part) => [part.tier, part.quantity, part.rate, part.amount])).toEqual([
      ['0:10', 3, '0.0014', '0.0042'],
      ['11:25', 15, '0.001', '0.015'],
      ['26:MAX', 2, '0.0007', '0.0014'],
    ]);
    expect(priced.amount).toBe('0.0206');
  });

  it('equals pricing each message with priceClassified, whatever the start and count', () => {
    const service = classify([
      inbound('2026-10-02T11:00:00Z'),
      outbound('2026-10-02T12:00:00Z', { contact: INDIA }),
    ]);
    const authInternational = classify(
      [template('AUTHENTICATION', '2026-03-02T12:00:00Z')],
      account({
        primaryBusinessCountry: 'US',
        authInternationalStarts: [{ country: 'IN', startsAt: new Date('2025-01-01T00:00:00Z') }],
      }),
    );
    const marketing = classify([template('MARKETING', '2026-03-02T12:00:00Z')]);
    const freeWindow = classify([
      inbound('2026-03-02T11:00:00Z'),
      template('UTILITY', '2026-03-02T12:00:00Z'),
    ]);
    expect(service.sequence?.kind).toBe('ALLOWANCE');
    expect(authInternational.estimate.pricingCategory).toBe('AUTHENTICATION_INTERNATIONAL');
    for (const classification of [utility, service, authInternational, marketing, freeWindow]) {
      for (const first of [1, 2, 3, 4, 9, 11, 26, 40]) {
        for (const count of [0, 1, 2, 5, 17, 30]) {
          const expected = oneByOne(classification, first, count);
          const priced = priceVolume(classification, {
            firstOrdinal: first,
            count,
            freeServiceAllowance: 3,
          });
          expect(priced.amount).toBe(expected.amount);
          expect(reasons(priced.parts)).toEqual(expected.byReason);
        }
      }
    }
  });

  it('splits service replies into the free allowance and billed ones', () => {
    const service = classify([
      inbound('2026-10-02T11:00:00Z'),
      outbound('2026-10-02T12:00:00Z', { contact: INDIA }),
    ]);
    const priced = priceVolume(service, {
      firstOrdinal: 999,
      count: 5,
      freeServiceAllowance: 1000,
    });
    expect(priced.parts.map((part) => [part.reason, part.quantity, part.amount])).toEqual([
      ['FREE_TIER', 2, '0'],
      ['BILLED', 3, '0.0027'],
    ]);
  });

  it('refuses a bad place', () => {
    expect(() =>
      priceVolume(utility, { firstOrdinal: 0, count: 1, freeServiceAllowance: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      priceVolume(utility, { firstOrdinal: 1, count: -1, freeServiceAllowance: 0 }),
    ).toThrow(RangeError);
  });
});
