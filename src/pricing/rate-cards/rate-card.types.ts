import type { RateColumn } from '../pricing.types';

/** Ladders exist per rate column that has volume tiers; auth-international has its own rates. */
export type TierLadderColumn = 'UTILITY' | 'AUTHENTICATION' | 'AUTHENTICATION_INTERNATIONAL';

export const TIER_LADDER_COLUMNS: readonly TierLadderColumn[] = [
  'UTILITY',
  'AUTHENTICATION',
  'AUTHENTICATION_INTERNATIONAL',
];

/**
 * One band of a monthly volume-tier ladder: it prices the messages whose 1-based ordinal k in the
 * month satisfies from < k <= to (to null = open). Normalized: the first band has from 0 and each
 * next band starts at the previous band's to.
 */
export interface TierBand {
  from: number;
  to: number | null;
  /** Canonical decimal string, at most 6 decimals. */
  rate: string;
  /** Meta's tier label: "0:750000", "750001:15000000", "15000001:MAX". */
  label: string;
}

export type MarketRates = Partial<Record<RateColumn, string>>;
export type MarketTiers = Partial<Record<TierLadderColumn, TierBand[]>>;

export interface RateCardData {
  name: string;
  /** ISO 4217, upper case. */
  currency: string;
  /** YYYY-MM-DD, 12am in the WABA's timezone. */
  effectiveFrom: string;
  /** Canonical market name → column → canonical decimal string. */
  rates: Record<string, MarketRates>;
  tiers: Record<string, MarketTiers>;
  provenance: string;
  /** Per-market provenance when the rows of one card come from different sources. */
  rowProvenance?: Record<string, string>;
}

export interface RateCardIssue {
  /** Physical 1-based line of the CSV file; 0 when the problem is not tied to a line. */
  line: number;
  message: string;
}

export interface ParsedRates {
  currency: string;
  rates: Record<string, MarketRates>;
  /** Market → line of its row, for later cross-checks. */
  lines: Record<string, number>;
}

export interface ParsedTiers {
  currency: string;
  tiers: Record<string, MarketTiers>;
  lines: Record<string, number>;
}
