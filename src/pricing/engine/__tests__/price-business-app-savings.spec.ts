import type { RateCardData } from '../../rate-cards/rate-card.types';
import type { RateCardBook } from '../engine.types';
import { priceBusinessAppSavings } from '../price-business-app-savings';

const card = (name: string, effectiveFrom: string, service: string): RateCardData => ({
  name,
  currency: 'USD',
  effectiveFrom,
  rates: { 'North America': { SERVICE: service }, Mexico: { MARKETING: '0.0397' } },
  tiers: {},
  provenance: 'test',
});

/** October's card until the 15th, then a dearer one. */
const BOOK: RateCardBook = {
  cardFor: (currency, day) =>
    currency !== 'USD'
      ? null
      : day >= '2026-10-15'
        ? { id: 'late', importedSeq: 2, data: card('late', '2026-10-15', '0.01') }
        : { id: 'early', importedSeq: 1, data: card('early', '2026-10-01', '0.0034') },
};

describe('priceBusinessAppSavings', () => {
  it('fills the allowance left by the API replies in day order, then prices each day at its card', () => {
    const savings = priceBusinessAppSavings(
      [
        {
          phoneNumberId: 'a',
          freeServiceAllowance: 10,
          apiServiceReplies: 8,
          appMessages: [
            { day: '2026-10-20', market: 'North America', messages: 4 },
            { day: '2026-10-02', market: 'North America', messages: 3 },
          ],
        },
      ],
      BOOK,
      'USD',
    );
    // Two free places left: 2 of the 2nd's 3 are free, 1 at 0.0034; the 20th's 4 at 0.01.
    expect(savings.freeMessages).toBe(2);
    expect(savings.billedMessages).toBe(5);
    expect(savings.amount.toFixed()).toBe('0.0434');
  });

  it('keeps each number to its own allowance', () => {
    const number = (phoneNumberId: string) => ({
      phoneNumberId,
      freeServiceAllowance: 1,
      apiServiceReplies: 0,
      appMessages: [{ day: '2026-10-02', market: 'North America', messages: 2 }],
    });
    const savings = priceBusinessAppSavings([number('a'), number('b')], BOOK, 'USD');
    expect([savings.freeMessages, savings.billedMessages]).toEqual([2, 2]);
    expect(savings.amount.toFixed()).toBe('0.0068');
  });

  it('saves nothing before service replies were charged, and counts markets without a rate apart', () => {
    const savings = priceBusinessAppSavings(
      [
        {
          phoneNumberId: 'a',
          freeServiceAllowance: 0,
          apiServiceReplies: 0,
          appMessages: [
            { day: '2026-09-30', market: 'North America', messages: 5 },
            { day: '2026-10-01', market: 'Mexico', messages: 2 },
            { day: '2026-10-01', market: null, messages: 1 },
          ],
        },
      ],
      BOOK,
      'USD',
    );
    expect(savings).toMatchObject({
      messages: 8,
      freeMessages: 5,
      billedMessages: 0,
      unpricedMessages: 3,
    });
    expect(savings.amount.toFixed()).toBe('0');
    expect(savings.byMarket.map((line) => [line.market, line.unpricedMessages])).toEqual([
      ['Mexico', 2],
      ['North America', 0],
      [null, 1],
    ]);
  });

  it('prices a market whose card has no service rate at its utility rate, as the charges are', () => {
    const utilityOnly: RateCardBook = {
      cardFor: () => ({
        id: 'utility-only',
        importedSeq: 1,
        data: {
          ...card('utility-only', '2026-10-01', '0'),
          rates: { India: { UTILITY: '0.0014' } },
        },
      }),
    };
    const savings = priceBusinessAppSavings(
      [
        {
          phoneNumberId: 'a',
          freeServiceAllowance: 0,
          apiServiceReplies: 0,
          appMessages: [{ day: '2026-10-02', market: 'India', messages: 3 }],
        },
      ],
      utilityOnly,
      'USD',
    );
    expect([savings.billedMessages, savings.unpricedMessages]).toEqual([3, 0]);
    expect(savings.amount.toFixed()).toBe('0.0042');
  });

  it('prices nothing without a card in the currency', () => {
    const savings = priceBusinessAppSavings(
      [
        {
          phoneNumberId: 'a',
          freeServiceAllowance: 0,
          apiServiceReplies: 0,
          appMessages: [{ day: '2026-11-01', market: 'North America', messages: 2 }],
        },
      ],
      BOOK,
      'EUR',
    );
    expect([savings.billedMessages, savings.unpricedMessages]).toEqual([0, 2]);
  });
});
