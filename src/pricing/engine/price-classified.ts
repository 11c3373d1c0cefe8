import { priceGraduated } from '../rate-cards/price-graduated.util';
import { tierLadder } from '../rate-cards/rate-card-lookup.util';
import type { TierBand } from '../rate-cards/rate-card.types';
import type { ChargeReason } from '../pricing.types';
import { columnRate } from './classify-message';
import type { Charge, Classification, Decision, EngineRateCard } from './engine.types';

export interface PricingPlace {
  /** 1-based position of the message in its counter (tier group or free allowance), if any. */
  ordinal: number | null;
  freeServiceAllowance: number;
}

/** Completes a classification into a charge once its place in its counter is known. */
export function priceClassified(classification: Classification, place: PricingPlace): Charge {
  const final = classification.meta ?? classification.estimate;
  const source = classification.meta ? 'META' : 'ESTIMATE';
  const priced = priceDecision(final, classification, place);
  const estimated =
    classification.meta === null
      ? priced
      : priceDecision(
          classification.estimate,
          classification,
          estimatePlace(classification, place),
        );
  return {
    billable: isBillable(final, priced.reason),
    reason: priced.reason,
    pricingCategory: final.pricingCategory,
    market: classification.market,
    country: classification.country,
    rateCardId: priced.rate === null ? null : (classification.card?.id ?? null),
    tier: priced.tier,
    rate: priced.rate,
    amount: priced.amount,
    currency: classification.currency,
    source,
    explanation: explain(final, priced, classification),
    estimateBillable: isBillable(classification.estimate, estimated.reason),
    estimateReason: estimated.reason,
    estimatePricingCategory: classification.estimate.pricingCategory,
    chargeAt: classification.chargeAt,
    month: classification.month,
    day: classification.localDate,
    sequenceGroup: classification.sequence?.group ?? null,
    sequenceOrdinal: classification.sequence ? place.ordinal : null,
  };
}

/** Billed, or billed by Meta at a price we lack (NO_RATE); a free allowance place is not billable. */
function isBillable(decided: Decision, reason: ChargeReason): boolean {
  return reason === 'BILLED' || (reason === 'NO_RATE' && decided.billable);
}

/**
 * The place of the engine's own estimate when Meta's verdict decided the counter: the same place
 * when the estimate sits in the same counter, otherwise the first place of its counter (the
 * estimate was never sequenced, so its counter position is unknown).
 */
function estimatePlace(classification: Classification, place: PricingPlace): PricingPlace {
  const { estimate, sequence } = classification;
  const final = classification.meta ?? estimate;
  const sameCounter =
    (estimate.allowance && sequence?.kind === 'ALLOWANCE') ||
    (estimate.tierFamily !== null &&
      estimate.tierFamily === final.tierFamily &&
      sequence?.kind === 'TIER');
  return sameCounter ? place : { ordinal: 1, freeServiceAllowance: place.freeServiceAllowance };
}

/**
 * The volume-tier ladder that prices a decision: authentication-international has its own
 * ladder (while counting with authentication); other tiered categories use their family's.
 */
export function ladderFor(
  card: EngineRateCard,
  market: string,
  decided: Pick<Decision, 'column' | 'tierFamily'>,
): TierBand[] | null {
  if (decided.tierFamily === null) return null;
  const ladder =
    decided.column === 'AUTHENTICATION_INTERNATIONAL' ? decided.column : decided.tierFamily;
  return tierLadder(card.data, market, ladder);
}

interface Priced {
  reason: ChargeReason;
  rate: string | null;
  amount: string;
  tier: string | null;
  note: string | null;
}

const UNPRICED = { rate: null, amount: '0', tier: null } as const;

function priceDecision(
  decided: Decision,
  classification: Classification,
  place: PricingPlace,
): Priced {
  if (decided.reason !== 'BILLED' || decided.column === null) {
    return { reason: decided.reason, ...UNPRICED, note: null };
  }
  const { card, market } = classification;
  if (decided.allowance && place.ordinal !== null && place.ordinal <= place.freeServiceAllowance) {
    return {
      reason: 'FREE_TIER',
      ...UNPRICED,
      note: `message ${place.ordinal} of the number's ${place.freeServiceAllowance} free service messages this month`,
    };
  }
  const listRate =
    card !== null && market !== null ? columnRate(card, market, decided.column) : null;
  if (listRate === null || card === null || market === null) {
    return { reason: 'NO_RATE', ...UNPRICED, note: missingRateNote(card, market, decided) };
  }
  if (decided.tierFamily === null) {
    return { reason: 'BILLED', rate: listRate, amount: listRate, tier: null, note: null };
  }
  const ordinal = place.ordinal ?? 1;
  const priced = priceGraduated(ladderFor(card, market, decided), listRate, ordinal, 1);
  const band = priced.bands.find((entry) => entry.quantity > 0);
  return {
    reason: 'BILLED',
    rate: band?.rate ?? listRate,
    amount: priced.amount,
    tier: band?.label ?? null,
    note: `message ${ordinal} of the month in its volume tier counter`,
  };
}

function missingRateNote(
  card: EngineRateCard | null,
  market: string | null,
  decided: Decision,
): string {
  if (card === null) return 'no rate card for this currency is in force on that date';
  return `the card "${card.data.name}" has no ${decided.column?.toLowerCase()} rate for ${market ?? 'an unknown market'}`;
}

function explain(final: Decision, priced: Priced, classification: Classification): string {
  const parts = [capitalise(final.note)];
  if (classification.market !== null) {
    parts.push(
      `recipient market ${classification.market}${classification.country ? ` (${classification.country})` : ''}`,
    );
  }
  if (classification.recipientProblem) parts.push(classification.recipientProblem);
  if (priced.reason === 'BILLED' && priced.rate !== null) {
    parts.push(
      `billed ${priced.rate} ${classification.currency} from "${classification.card?.data.name}"${priced.tier ? `, tier ${priced.tier}` : ''}`,
    );
  }
  if (priced.note) parts.push(priced.note);
  if (final.reason === 'NO_RATE' || priced.reason === 'NO_RATE')
    parts.push('unpriced: not included in billed totals');
  return `${parts.join('; ')}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
