import type Decimal from 'decimal.js';
import { Money } from '../money';
import { regimeOn } from '../regimes/regime';
import { columnRate } from './classify-message';
import type { RateCardBook } from './engine.types';

/** Messages a number sent from the Business app on one local day to one market. */
export interface AppMessagesOfDay {
  day: string;
  /** Null when the recipient's market is unknown. */
  market: string | null;
  messages: number;
}

/** One phone number's month: its Business app messages and its Cloud API service replies. */
export interface NumberMonthTraffic {
  phoneNumberId: string;
  /** Free service replies per number and month (the WABA's setting). */
  freeServiceAllowance: number;
  /** Cloud API service replies that took a place in the free-allowance counter this month. */
  apiServiceReplies: number;
  appMessages: readonly AppMessagesOfDay[];
}

export interface AppSavingsByMarket {
  market: string | null;
  messages: number;
  billedMessages: number;
  unpricedMessages: number;
  amount: Decimal;
}

export interface AppSavings {
  messages: number;
  /** Would have been billed through the Cloud API (priced, in `amount`). */
  billedMessages: number;
  /** Would have been free: before service replies were charged, or within the free allowance. */
  freeMessages: number;
  /** Would have been billed, but the card in force has no service rate for the market. */
  unpricedMessages: number;
  amount: Decimal;
  byMarket: AppSavingsByMarket[];
}

/**
 * What the Cloud API would have charged for the messages sent from the WhatsApp Business app, had
 * they been sent through the API as service replies inside the customer service window (the only
 * way to send free-form replies there): free before the regime that charges service, then free
 * within the number's monthly allowance, the places left after the API's own service replies,
 * taken in day order; beyond it, priced at the SERVICE rate of the card in force on the day.
 */
export function priceBusinessAppSavings(
  traffic: readonly NumberMonthTraffic[],
  book: RateCardBook,
  currency: string,
): AppSavings {
  const byMarket = new Map<string, AppSavingsByMarket>();
  const totals = { messages: 0, billed: 0, free: 0, unpriced: 0, amount: new Money(0) };
  for (const number of traffic) {
    let placesTaken = number.apiServiceReplies;
    const days = [...number.appMessages].sort(
      (a, b) => a.day.localeCompare(b.day) || (a.market ?? '').localeCompare(b.market ?? ''),
    );
    for (const bucket of days) {
      const line = marketLine(byMarket, bucket.market);
      line.messages += bucket.messages;
      totals.messages += bucket.messages;
      if (!regimeOn(bucket.day).chargesService) {
        totals.free += bucket.messages;
        continue;
      }
      const freePlaces = Math.max(0, number.freeServiceAllowance - placesTaken);
      const free = Math.min(freePlaces, bucket.messages);
      const charged = bucket.messages - free;
      placesTaken += bucket.messages;
      totals.free += free;
      if (charged === 0) continue;
      const card = book.cardFor(currency, bucket.day);
      const rate =
        card && bucket.market !== null ? columnRate(card, bucket.market, 'SERVICE') : null;
      if (rate === null) {
        line.unpricedMessages += charged;
        totals.unpriced += charged;
        continue;
      }
      const amount = new Money(rate).times(charged);
      line.billedMessages += charged;
      line.amount = line.amount.plus(amount);
      totals.billed += charged;
      totals.amount = totals.amount.plus(amount);
    }
  }
  return {
    messages: totals.messages,
    billedMessages: totals.billed,
    freeMessages: totals.free,
    unpricedMessages: totals.unpriced,
    amount: totals.amount,
    byMarket: [...byMarket.values()].sort((a, b) =>
      a.market === null ? 1 : b.market === null ? -1 : a.market.localeCompare(b.market),
    ),
  };
}

function marketLine(lines: Map<string, AppSavingsByMarket>, market: string | null) {
  const key = market ?? '';
  let line = lines.get(key);
  if (!line) {
    line = { market, messages: 0, billedMessages: 0, unpricedMessages: 0, amount: new Money(0) };
    lines.set(key, line);
  }
  return line;
}
