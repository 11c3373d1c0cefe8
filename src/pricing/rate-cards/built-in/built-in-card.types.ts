import type { RateColumn } from '../../pricing.types';
import type { MarketRates, TierLadderColumn } from '../rate-card.types';

/**
 * One public source that states Meta rates. `closeness` orders sources when they disagree:
 * 1 = a transcription of a whole Meta rate file, 2 = rows quoted from a Meta rate file,
 * 3 = a third party republishing Meta's rates. The lower number wins.
 */
export interface RateSource {
  id: string;
  closeness: 1 | 2 | 3;
  /** Citation used in provenance: what, where (repository or URL, stored copy id), as of when. */
  cite: string;
  /** Shortest reference, e.g. "stored copy id 70856709963", used for corroborating sources. */
  ref: string;
}

/** A ladder as the source prints it: inclusive upper bounds, null for the open last band. */
export type SourceLadder = readonly (readonly [upTo: number | null, rate: string])[];

/** What one source says about one market on the card of one currency and effective date. */
export interface RateObservation {
  source: string;
  currency: string;
  /** Effective date of the Meta card the source reads. */
  cardDate: string;
  market: string;
  rates: MarketRates;
  ladders?: Partial<Record<TierLadderColumn, SourceLadder>>;
}

/** Changes Meta lists for one effective date in "Previous rate card updates". */
export interface MetaRateCardUpdate {
  effectiveFrom: string;
  /**
   * False when no stored copy of Meta's list of the changes made on this date exists: then no
   * row may be carried across the date.
   */
  listed: boolean;
  changes: readonly {
    markets: readonly string[];
    columns: readonly RateColumn[];
    /** Meta's own words, e.g. "Lower utility and authentication rates". */
    text: string;
    /** Meta states the authentication-international rate did not change. */
    authenticationInternationalUnchanged?: true;
  }[];
  /** Source ids of the copies of Meta's pricing page holding this entry. */
  sources: readonly string[];
}

/** Two sources (or a source and a derivation) giving different rates for one cell. */
export interface SourceDisagreement {
  currency: string;
  effectiveFrom: string;
  market: string;
  column: RateColumn;
  /** Every candidate value with its source; `carriedFrom` is set for a carried (derived) value. */
  values: readonly { value: string; source: string; carriedFrom?: string }[];
  chosen: string;
}
