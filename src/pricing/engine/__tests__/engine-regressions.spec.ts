import fc from 'fast-check';
import {
  applyFact,
  type MessageFact,
  type MessageFacts,
} from '../../../messages/utils/message-facts';
import { localDate, startOfLocalDate } from '../../time/local-time.util';
import { conversationArb, PROPERTY_ACCOUNTS, PROPERTY_BOOK } from './engine-arbitraries';
import { charge, chargeOfLast, hoursAfter, inbound, outbound } from './engine-fixtures';

/** Regressions found by the engine tests (docs/charging-rules.md); each block fixed one bug. */

const NOVEMBER = '2026-11-11T10:00:00Z';

describe('regression 1: a FREE_TIER charge is reported billable', () => {
  it('a non-template inside the CSW within the free allowance is free and not billable', () => {
    const result = chargeOfLast([inbound(NOVEMBER), outbound(hoursAfter(NOVEMBER, 1))]);
    expect(result.reason).toBe('FREE_TIER');
    expect(result.amount).toBe('0');
    expect(result.billable).toBe(false);
    expect(result.estimateBillable).toBe(false);
  });

  it('a live customer message, an imported one, then a non-template: FREE_TIER is not billable', () => {
    const result = chargeOfLast([
      inbound(NOVEMBER),
      inbound(hoursAfter(NOVEMBER, 1), { origin: 'HISTORY_IMPORT' }),
      outbound(hoursAfter(NOVEMBER, 2)),
    ]);
    expect(result).toMatchObject({ reason: 'FREE_TIER', billable: false });
  });

  it('property: billable ⇒ reason BILLED or NO_RATE', () => {
    fc.assert(
      fc.property(conversationArb, (messages) => {
        for (const result of charge(messages, {
          accounts: PROPERTY_ACCOUNTS,
          book: PROPERTY_BOOK,
        }).values()) {
          if (result.billable) expect(['BILLED', 'NO_RATE']).toContain(result.reason);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('regression 2: the estimate is priced without its allowance place when Meta decides', () => {
  it('Meta says free entry point; the estimate (first service message of the month) is FREE_TIER, not BILLED', () => {
    const result = chargeOfLast([
      inbound(NOVEMBER),
      outbound(hoursAfter(NOVEMBER, 1), {
        metaPricing: { billable: false, type: 'free_entry_point', category: 'referral_conversion' },
      }),
    ]);
    expect(result.reason).toBe('FREE_ENTRY_POINT');
    expect(result.source).toBe('META');
    expect(result.estimateReason).toBe('FREE_TIER');
  });
});

const KEY = {
  wamid: 'wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgSREVG',
  phoneNumberId: 'phone-1',
  wabaId: 'waba-1',
};

function fold(facts: readonly MessageFact[]): MessageFacts {
  let row: MessageFacts | null = null;
  for (const fact of facts) row = applyFact(row, KEY, fact);
  return row!;
}

describe('regression 3: applyFact is not commutative for a send record without category', () => {
  it('send_log (no category) and a delivered status with pricing utility give the same row in both orders', () => {
    const sendLog: MessageFact = {
      kind: 'send_log',
      contact: '919876543210',
      at: new Date('2026-08-11T10:00:00Z'),
      templateName: 'order_update',
      templateLanguage: 'en',
      templateCategory: null,
      api: 'CLOUD_API',
    };
    const delivered: MessageFact = {
      kind: 'status',
      status: 'delivered',
      contact: '919876543210',
      at: new Date('2026-08-11T10:00:05Z'),
      errorCode: null,
      pricing: { billable: true, type: 'regular', category: 'utility', model: 'PMP' },
    };
    const a = fold([sendLog, delivered]);
    const b = fold([delivered, sendLog]);
    expect(a.templateCategory).toBe(b.templateCategory);
    expect(a).toEqual(b);
  });
});

describe('regression 4: startOfLocalDate returns the previous day where midnight is skipped', () => {
  it.each([
    // Chile: 2026-09-06 00:00 −04 jumps to 01:00 −03, so the day starts at 04:00Z
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'],
    // Cuba: 2026-03-08 00:00 −05 jumps to 01:00 −04, so the day starts at 05:00Z
    ['2026-03-08', 'America/Havana', '2026-03-08T05:00:00.000Z'],
  ])('%s in %s starts at %s, an instant of that date', (date, zone, expected) => {
    const start = startOfLocalDate(date, zone);
    expect(localDate(start, zone).date).toBe(date);
    expect(start.toISOString()).toBe(expected);
  });
});
