import type Decimal from 'decimal.js';
import { money, formatMinorUnits, toDecimalString } from '../../pricing/money';
import type { ChargeReason, PricingCategory } from '../../pricing/pricing.types';
import type {
  BandTotal,
  CurrencyTotalResult,
  ReasonCount,
  SimulationLineResult,
} from '../simulation.types';

/** What one group of identically charged messages adds to a line. */
export interface LinePart {
  month: string;
  market: string;
  pricingCategory: PricingCategory;
  currency: string;
  reason: ChargeReason;
  billable: boolean;
  tier: string | null;
  rate: string | null;
  quantity: number;
  amount: string;
}

interface LineState {
  month: string;
  market: string;
  pricingCategory: PricingCategory;
  messages: number;
  billableMessages: number;
  amount: Decimal;
  bands: Map<string, { tier: string; rate: string; messages: number; amount: Decimal }>;
  reasons: Map<ChargeReason, number>;
}

const FREE_PREFIX = 'FREE_';

/** Sums charged messages into month × market × pricing category lines, per currency. */
export class LineAccumulator {
  private readonly lines = new Map<string, LineState>();
  private readonly uncategorized = new Map<ChargeReason, number>();
  private readonly currencies = new Map<
    string,
    { messages: number; billableMessages: number; total: Decimal }
  >();

  add(part: LinePart): void {
    if (part.quantity === 0) return;
    const key = `${part.month}|${part.market}|${part.pricingCategory}`;
    let line = this.lines.get(key);
    if (!line) {
      line = {
        month: part.month,
        market: part.market,
        pricingCategory: part.pricingCategory,
        messages: 0,
        billableMessages: 0,
        amount: money('0'),
        bands: new Map(),
        reasons: new Map(),
      };
      this.lines.set(key, line);
    }
    line.messages += part.quantity;
    if (part.billable) line.billableMessages += part.quantity;
    line.amount = line.amount.plus(part.amount);
    line.reasons.set(part.reason, (line.reasons.get(part.reason) ?? 0) + part.quantity);
    if (part.reason === 'BILLED' && part.rate !== null) {
      const tier = part.tier ?? '';
      const bandKey = `${tier}|${part.rate}`;
      const band = line.bands.get(bandKey);
      if (band) {
        band.messages += part.quantity;
        band.amount = band.amount.plus(part.amount);
      } else {
        line.bands.set(bandKey, {
          tier,
          rate: part.rate,
          messages: part.quantity,
          amount: money(part.amount),
        });
      }
    }
    const totals = this.currencyTotals(part.currency);
    totals.messages += part.quantity;
    if (part.billable) totals.billableMessages += part.quantity;
    totals.total = totals.total.plus(part.amount);
  }

  /** A message without a pricing category (inbound, Business app echo): counted by reason only. */
  addUncategorized(reason: ChargeReason, quantity: number): void {
    if (quantity === 0) return;
    this.uncategorized.set(reason, (this.uncategorized.get(reason) ?? 0) + quantity);
  }

  /** Makes sure the currency appears in the totals even without messages. */
  touchCurrency(currency: string): void {
    this.currencyTotals(currency);
  }

  result(): {
    lines: SimulationLineResult[];
    uncategorized: ReasonCount[];
    totals: CurrencyTotalResult[];
  } {
    const lines = [...this.lines.values()]
      .sort(
        (a, b) =>
          a.month.localeCompare(b.month) ||
          a.market.localeCompare(b.market) ||
          a.pricingCategory.localeCompare(b.pricingCategory),
      )
      .map((line): SimulationLineResult => {
        const reasons = reasonCounts(line.reasons);
        const count = (test: (reason: ChargeReason) => boolean) =>
          reasons.filter((entry) => test(entry.reason)).reduce((sum, e) => sum + e.messages, 0);
        const bands: BandTotal[] = [...line.bands.values()]
          .sort(
            (a, b) => firstOrdinal(a.tier) - firstOrdinal(b.tier) || a.rate.localeCompare(b.rate),
          )
          .map((band) => ({
            tier: band.tier,
            rate: band.rate,
            messages: band.messages,
            amount: toDecimalString(band.amount),
          }));
        const tiers = [...new Set(bands.filter((band) => band.tier !== '').map((b) => b.tier))];
        const free = count((reason) => reason.startsWith(FREE_PREFIX));
        const unpriced = count((reason) => reason === 'NO_RATE');
        const billed = count((reason) => reason === 'BILLED');
        return {
          month: line.month,
          market: line.market,
          pricingCategory: line.pricingCategory,
          messages: line.messages,
          billableMessages: line.billableMessages,
          freeMessages: free,
          unpricedMessages: unpriced,
          otherMessages: line.messages - free - unpriced - billed,
          amount: toDecimalString(line.amount),
          tiers: tiers.length > 0 ? tiers : null,
          bands,
          reasons,
        };
      });
    const totals = [...this.currencies]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, total]) => ({
        currency,
        messages: total.messages,
        billableMessages: total.billableMessages,
        total: toDecimalString(total.total),
        roundedTotal: formatMinorUnits(total.total, currency),
      }));
    return { lines, uncategorized: reasonCounts(this.uncategorized), totals };
  }

  private currencyTotals(currency: string) {
    let totals = this.currencies.get(currency);
    if (!totals) {
      totals = { messages: 0, billableMessages: 0, total: money('0') };
      this.currencies.set(currency, totals);
    }
    return totals;
  }
}

function reasonCounts(map: Map<ChargeReason, number>): ReasonCount[] {
  return [...map]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, messages]) => ({ reason, messages }));
}

function firstOrdinal(tier: string): number {
  const first = Number(tier.split(':')[0]);
  return Number.isFinite(first) ? first : 0;
}
