import type Decimal from 'decimal.js';
import { DomainError } from '../../common/errors/domain.error';
import { fromMicros, money, Money, toDecimalString } from '../../pricing/money';
import { PRICING_CATEGORIES, type PricingCategory } from '../../pricing/pricing.types';
import { nullIfEmpty } from './build-rollup-where.util';
import { compareNullableText } from './compare-nullable-text.util';
import { compareTierLabels } from './compare-tier-labels.util';
import { parseCurrencyOption } from './parse-currency.util';

/** Rollups summed by currency, reason, market, category, tier band and rate (billed: and day). */
export interface RollupSum {
  currency: string;
  reason: string;
  market: string | null;
  category: string | null;
  tier: string | null;
  rate: string | null;
  /** The local charge day of billed sums; '' for the others. */
  day: string;
  quantity: string | number;
  micros: string;
}

export interface StatementLineResult {
  market: string;
  pricingCategory: PricingCategory;
  tier: string | null;
  quantity: number;
  rate: Decimal;
  amount: Decimal;
}

/** Unpriced (NO_RATE) messages of one market and pricing category. */
export interface UnpricedLineResult {
  market: string;
  pricingCategory: PricingCategory;
  quantity: number;
}

/** The requested currency, else the one currency the month was charged in (or the WABAs bill in). */
export function statementCurrency(
  request: { month: string; currency?: string | null },
  wabas: readonly { currency: string }[],
  rollups: readonly { currency: string }[],
  covering = 'a statement',
): string {
  const requested = parseCurrencyOption(request.currency);
  if (requested !== null) return requested;
  const charged = [...new Set(rollups.map((row) => row.currency))].sort();
  const currencies =
    charged.length > 0 ? charged : [...new Set(wabas.map((waba) => waba.currency))].sort();
  if (currencies.length > 1) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${request.month} was charged in ${currencies.join(', ')}; ${covering} covers one currency: pass currency (or a wabaId)`,
    );
  }
  return currencies[0];
}

export function countsByReason(rollups: readonly RollupSum[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rollups) {
    counts.set(row.reason, (counts.get(row.reason) ?? 0) + Number(row.quantity));
  }
  return counts;
}

/**
 * NO_RATE messages by market and pricing category; those whose market or category is unknown (a
 * template whose category was never recorded) are counted apart.
 */
export function unpricedLines(rollups: readonly RollupSum[]): {
  lines: UnpricedLineResult[];
  unclassified: number;
} {
  const byKey = new Map<string, UnpricedLineResult>();
  let unclassified = 0;
  for (const row of rollups) {
    if (row.reason !== 'NO_RATE') continue;
    const market = nullIfEmpty(row.market);
    const category = nullIfEmpty(row.category);
    const quantity = Number(row.quantity);
    if (market === null || category === null) {
      unclassified += quantity;
      continue;
    }
    const key = `${market}\u0000${category}`;
    const line = byKey.get(key) ?? {
      market,
      pricingCategory: category as PricingCategory,
      quantity: 0,
    };
    line.quantity += quantity;
    byKey.set(key, line);
  }
  const lines = [...byKey.values()].filter((line) => line.quantity !== 0);
  lines.sort(
    (a, b) =>
      compareNullableText(a.market, b.market) ||
      PRICING_CATEGORIES.indexOf(a.pricingCategory) - PRICING_CATEGORIES.indexOf(b.pricingCategory),
  );
  return { lines, unclassified };
}

/**
 * Billed lines per market, category, tier band and rate, so that quantity × rate is each line's
 * amount exactly; the micro-unit sum of the same rows is checked against it.
 */
export function billedLines(rollups: readonly RollupSum[]): StatementLineResult[] {
  const lines = new Map<string, StatementLineResult & { micros: Decimal }>();
  for (const raw of rollups) {
    if (raw.reason !== 'BILLED') continue;
    const market = nullIfEmpty(raw.market);
    const category = nullIfEmpty(raw.category);
    const tier = nullIfEmpty(raw.tier);
    const rateText = nullIfEmpty(raw.rate);
    if (market === null || category === null || rateText === null) {
      throw new Error(
        `billed messages without market, category or rate (${JSON.stringify(raw)}): re-rate them`,
      );
    }
    const rate = money(rateText);
    const key = [market, category, tier ?? '', toDecimalString(rate)].join('\u0000');
    const line = lines.get(key) ?? {
      market,
      pricingCategory: category as PricingCategory,
      tier,
      quantity: 0,
      rate,
      amount: new Money(0),
      micros: new Money(0),
    };
    line.quantity += Number(raw.quantity);
    line.amount = rate.times(line.quantity);
    line.micros = line.micros.plus(fromMicros(raw.micros));
    lines.set(key, line);
  }
  const result = [...lines.values()].map(({ micros, ...line }) => {
    if (!micros.equals(line.amount)) {
      throw new Error(
        `statement line ${line.market}/${line.pricingCategory}/${line.tier ?? '-'} at ${line.rate.toFixed()}: ` +
          `${line.quantity} × rate = ${line.amount.toFixed()} but the charges sum to ${micros.toFixed()}`,
      );
    }
    return line;
  });
  return result.sort(
    (a, b) =>
      compareNullableText(a.market, b.market) ||
      PRICING_CATEGORIES.indexOf(a.pricingCategory) -
        PRICING_CATEGORIES.indexOf(b.pricingCategory) ||
      compareTierLabels(a.tier, b.tier) ||
      a.rate.comparedTo(b.rate),
  );
}
