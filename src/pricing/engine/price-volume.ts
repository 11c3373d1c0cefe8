import { money, toDecimalString } from '../money';
import type { ChargeReason, PricingCategory } from '../pricing.types';
import { priceGraduated } from '../rate-cards/price-graduated.util';
import { columnRate } from './classify-message';
import type { Charge, Classification } from './engine.types';
import { ladderFor, priceClassified } from './price-classified';

export interface VolumePlace {
  /** 1-based place of the first of the messages in its counter (ignored when not sequenced). */
  firstOrdinal: number;
  count: number;
  freeServiceAllowance: number;
}

/** Messages of a volume that share one charge outcome (reason, rate and tier band). */
export interface VolumeChargePart {
  reason: ChargeReason;
  billable: boolean;
  pricingCategory: PricingCategory | null;
  tier: string | null;
  rate: string | null;
  quantity: number;
  /** quantity × rate exactly ("0" when not billed). */
  amount: string;
  /** The engine's explanation for the first message of the part. */
  explanation: string;
}

export interface VolumeCharge {
  parts: VolumeChargePart[];
  amount: string;
}

/**
 * Prices `count` messages that all share one classification, taking places firstOrdinal ..
 * firstOrdinal + count - 1 in the classification's counter. The result equals pricing each
 * message with priceClassified at its own ordinal and summing, in O(tier bands): every part's
 * reason and rate come from priceClassified itself, and only the split points (the free allowance
 * boundary, the tier band boundaries via priceGraduated) are computed here.
 */
export function priceVolume(classification: Classification, place: VolumePlace): VolumeCharge {
  const { firstOrdinal, count, freeServiceAllowance } = place;
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  if (!Number.isSafeInteger(firstOrdinal) || firstOrdinal < 1) {
    throw new RangeError(`firstOrdinal must be a positive integer, got ${firstOrdinal}`);
  }
  if (count === 0) return { parts: [], amount: '0' };
  const sequence = classification.sequence;
  const chargeAt = (ordinal: number | null) =>
    priceClassified(classification, { ordinal, freeServiceAllowance });
  if (sequence === null) {
    return combine([uniform(chargeAt(null), count)]);
  }
  if (sequence.kind === 'ALLOWANCE') {
    const free = Math.max(0, Math.min(count, freeServiceAllowance - firstOrdinal + 1));
    const parts: VolumeChargePart[] = [];
    if (free > 0) parts.push(uniform(chargeAt(firstOrdinal), free));
    if (count > free) parts.push(uniform(chargeAt(firstOrdinal + free), count - free));
    return combine(parts);
  }
  const first = chargeAt(firstOrdinal);
  const final = classification.meta ?? classification.estimate;
  const { card, market } = classification;
  if (
    first.reason !== 'BILLED' ||
    final.column === null ||
    final.tierFamily === null ||
    card === null ||
    market === null
  ) {
    return combine([uniform(first, count)]);
  }
  const listRate = columnRate(card, market, final.column) as string;
  const graduated = priceGraduated(ladderFor(card, market, final), listRate, firstOrdinal, count);
  let ordinal = firstOrdinal;
  const parts = graduated.bands.map((band): VolumeChargePart => {
    const charge = chargeAt(ordinal);
    ordinal += band.quantity;
    if (charge.rate !== band.rate) {
      throw new Error(
        `price-volume: band ${band.label} rate ${band.rate} disagrees with the engine's ${charge.rate}`,
      );
    }
    return { ...partOf(charge), quantity: band.quantity, amount: band.amount };
  });
  return combine(parts);
}

function partOf(charge: Charge): Omit<VolumeChargePart, 'quantity' | 'amount'> {
  return {
    reason: charge.reason,
    billable: charge.billable,
    pricingCategory: charge.pricingCategory,
    tier: charge.tier,
    rate: charge.rate,
    explanation: charge.explanation,
  };
}

function uniform(charge: Charge, quantity: number): VolumeChargePart {
  return {
    ...partOf(charge),
    quantity,
    amount: toDecimalString(money(charge.amount).times(quantity)),
  };
}

function combine(parts: VolumeChargePart[]): VolumeCharge {
  const total = parts.reduce((sum, part) => sum.plus(part.amount), money('0'));
  return { parts, amount: toDecimalString(total) };
}
