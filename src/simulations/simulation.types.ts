import type { ChargeReason, PricingCategory } from '../pricing/pricing.types';

/** A volume as given (GraphQL VolumeInput, CLI JSON, saved scenario). */
export interface VolumeSpec {
  month: string;
  market?: string | null;
  country?: string | null;
  pricingCategory: PricingCategory;
  messages: number;
  insideServiceWindow?: number | null;
  insideEntryPoint?: number | null;
}

/** A scenario as given; decimals are strings, instants ISO strings. Stored as is when saved. */
export interface ScenarioSpec {
  name: string;
  savedName?: string | null;
  rateCardId?: string | null;
  ratesCsv?: string | null;
  volumeTiersCsv?: string | null;
  currency?: string | null;
  volumes?: VolumeSpec[] | null;
  fromWabaId?: string | null;
  fromPortfolioId?: string | null;
  fromMonth?: string | null;
  toMonth?: string | null;
  growthPercent?: string | null;
  movedToAppPercent?: string | null;
  marketingInsideEntryPointPercent?: string | null;
  regimeDate?: string | null;
  phoneNumbers?: number | null;
  freeServiceAllowance?: number | null;
  primaryBusinessCountry?: string | null;
  authInternationalStarts?: { country: string; startsAt: string }[] | null;
}

export interface SimulationSpec {
  scenarios: ScenarioSpec[];
  baseline?: string | null;
}

/** A volume after validation: market resolved, counts split into window sub-buckets. */
export interface NormalizedVolume {
  month: string;
  /** Input position, for messages. */
  index: number;
  market: string;
  /** The country given, or null for a market volume (its representative country is used). */
  country: string | null;
  pricingCategory: PricingCategory;
  messages: number;
  insideServiceWindow: number;
  insideEntryPoint: number;
}

export interface ReasonCount {
  reason: ChargeReason;
  messages: number;
}

export interface BandTotal {
  tier: string;
  rate: string;
  messages: number;
  amount: string;
}

export interface SimulationLineResult {
  month: string;
  market: string;
  pricingCategory: PricingCategory;
  messages: number;
  billableMessages: number;
  freeMessages: number;
  unpricedMessages: number;
  /** Not charged and not free: pending, not delivered, rejected outside the window. */
  otherMessages: number;
  amount: string;
  tiers: string[] | null;
  bands: BandTotal[];
  reasons: ReasonCount[];
}

export interface CurrencyTotalResult {
  currency: string;
  messages: number;
  billableMessages: number;
  total: string;
  roundedTotal: string;
}

export interface ScenarioResultData {
  name: string;
  currency: string;
  total: string;
  roundedTotal: string;
  deltaFromBaseline: string | null;
  messages: number;
  billableMessages: number;
  freeMessages: number;
  unpricedMessages: number;
  lines: SimulationLineResult[];
  /** Messages without a pricing category (inbound, Business app echoes): counts by reason. */
  uncategorized: ReasonCount[];
  totals: CurrencyTotalResult[];
  rateCards: string[];
  assumptions: string[];
}

export interface SimulationResultData {
  baseline: string | null;
  scenarios: ScenarioResultData[];
}
