import { isLocalDate } from '../markets/local-date.util';
import { listMarkets } from '../markets/market-map';
import { money, toDecimalString } from '../money';
import type { RateColumn } from '../pricing.types';
import {
  TIER_LADDER_COLUMNS,
  type RateCardData,
  type RateCardIssue,
  type TierBand,
} from './rate-card.types';
import { tierLabel } from './tier-ladder.util';

const RATE_COLUMNS: readonly RateColumn[] = [
  'MARKETING',
  'UTILITY',
  'AUTHENTICATION',
  'AUTHENTICATION_INTERNATIONAL',
  'SERVICE',
];
// At most 7 digits before the point and 6 after (see MAX_RATE_INTEGER_DIGITS).
const CANONICAL_RATE = /^\d{1,7}(?:\.\d{1,6})?$/;

export interface MarketLines {
  rates?: Record<string, number>;
  tiers?: Record<string, number>;
}

function isCanonicalRate(rate: string): boolean {
  return CANONICAL_RATE.test(rate) && toDecimalString(money(rate)) === rate;
}

function ladderProblems(ladder: readonly TierBand[]): string[] {
  const problems: string[] = [];
  let lowerExclusive = 0;
  ladder.forEach((band, index) => {
    const last = index === ladder.length - 1;
    if (band.from !== lowerExclusive) {
      problems.push(`band ${index + 1} starts at ${band.from}, expected ${lowerExclusive}`);
    }
    if (band.to === null ? !last : band.to <= band.from) {
      problems.push(`band ${index + 1} has an invalid upper bound ${band.to}`);
    }
    if (last && band.to !== null) {
      problems.push('the last band must be open');
    }
    if (!isCanonicalRate(band.rate)) {
      problems.push(`band ${index + 1} rate "${band.rate}" is not a canonical decimal`);
    }
    if (band.label !== tierLabel(band.from, band.to)) {
      problems.push(
        `band ${index + 1} label "${band.label}" should be "${tierLabel(band.from, band.to)}"`,
      );
    }
    lowerExclusive = band.to ?? lowerExclusive;
  });
  return ladder.length === 0 ? ['empty ladder'] : problems;
}

/**
 * The invariants every stored card satisfies, whether parsed from Meta's CSV files or built in:
 * markets known to the market map on the card's date, canonical non-negative rates with at most
 * 6 decimals, contiguous ladders ending in an open band.
 */
export function validateRateCard(card: RateCardData, lines: MarketLines = {}): RateCardIssue[] {
  const issues: RateCardIssue[] = [];
  const problem = (message: string, line = 0) => issues.push({ line, message });
  if (card.name.trim() === '') {
    problem('name is empty');
  }
  if (!/^[A-Z]{3}$/.test(card.currency)) {
    problem(`currency "${card.currency}" is not an ISO 4217 code`);
  }
  if (!isLocalDate(card.effectiveFrom)) {
    problem(`effectiveFrom "${card.effectiveFrom}" is not a calendar date YYYY-MM-DD`);
    return issues;
  }
  const markets = new Set(listMarkets(card.effectiveFrom));
  const checkMarket = (market: string, line = 0) => {
    if (!markets.has(market)) {
      problem(`market "${market}" is not in Meta's market map on ${card.effectiveFrom}`, line);
    }
  };
  for (const [market, rates] of Object.entries(card.rates)) {
    checkMarket(market, lines.rates?.[market]);
    for (const [column, rate] of Object.entries(rates)) {
      if (!RATE_COLUMNS.includes(column as RateColumn)) {
        problem(`${market}: unknown rate column ${column}`, lines.rates?.[market]);
      } else if (!isCanonicalRate(rate)) {
        problem(`${market} ${column}: "${rate}" is not a canonical decimal`, lines.rates?.[market]);
      }
    }
  }
  for (const [market, ladders] of Object.entries(card.tiers)) {
    checkMarket(market, lines.tiers?.[market]);
    for (const [column, ladder] of Object.entries(ladders)) {
      if (!(TIER_LADDER_COLUMNS as readonly string[]).includes(column)) {
        problem(`${market}: unknown tier column ${column}`, lines.tiers?.[market]);
      } else {
        for (const message of ladderProblems(ladder)) {
          problem(`${market} ${column}: ${message}`, lines.tiers?.[market]);
        }
      }
    }
  }
  for (const market of Object.keys(card.rowProvenance ?? {})) {
    if (card.rates[market] === undefined && card.tiers[market] === undefined) {
      problem(`provenance given for market "${market}" that has no row`);
    }
  }
  return issues;
}
