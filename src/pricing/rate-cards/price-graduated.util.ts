import { money, toDecimalString } from '../money';
import type { TierBand } from './rate-card.types';

export interface GraduatedBand {
  label: string;
  quantity: number;
  rate: string;
  amount: string;
}

export interface GraduatedPrice {
  amount: string;
  bands: GraduatedBand[];
}

const NO_LADDER_LABEL = '0:MAX';

/**
 * Prices `count` messages with month ordinals firstOrdinal .. firstOrdinal + count - 1, each at
 * the rate of the band its ordinal falls in. Without a ladder all go at `listRate`. O(bands).
 */
export function priceGraduated(
  ladder: readonly TierBand[] | null,
  listRate: string,
  firstOrdinal: number,
  count: number,
): GraduatedPrice {
  if (!Number.isSafeInteger(firstOrdinal) || firstOrdinal < 1) {
    throw new RangeError(`firstOrdinal must be a positive integer, got ${firstOrdinal}`);
  }
  if (!Number.isSafeInteger(count) || count < 0 || !Number.isSafeInteger(firstOrdinal + count)) {
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  }
  const bandsToPrice = ladder ?? [{ from: 0, to: null, rate: listRate, label: NO_LADDER_LABEL }];
  const lastOrdinal = firstOrdinal + count - 1;
  const bands: GraduatedBand[] = [];
  let total = money('0');
  let covered = 0;
  for (const band of bandsToPrice) {
    const start = Math.max(firstOrdinal, band.from + 1);
    const end = band.to === null ? lastOrdinal : Math.min(lastOrdinal, band.to);
    if (end < start) {
      continue;
    }
    const quantity = end - start + 1;
    const amount = money(band.rate).times(quantity);
    bands.push({ label: band.label, quantity, rate: band.rate, amount: toDecimalString(amount) });
    total = total.plus(amount);
    covered += quantity;
  }
  if (covered !== count) {
    throw new RangeError(`the ladder does not cover ordinals ${firstOrdinal}..${lastOrdinal}`);
  }
  return { amount: toDecimalString(total), bands };
}
