import type Decimal from 'decimal.js';
import { groupThousands } from './charge-labels.util';

/**
 * The number of decimals that shows every value of a column exactly, at least `minimum`: a column
 * of amounts 0.25 and 0.0204 in USD needs 4 ("0.2500", "0.0204"), so decimal points align.
 */
export function columnDecimals(values: Iterable<Decimal>, minimum: number): number {
  let decimals = minimum;
  for (const value of values) decimals = Math.max(decimals, value.decimalPlaces());
  return decimals;
}

/**
 * An exact decimal with exactly `decimals` places and thousands separators ("1,563.8220"). Never
 * rounds: a value with more places than `decimals` is a programming error and throws.
 */
export function formatFixedDecimal(value: Decimal, decimals: number): string {
  if (value.decimalPlaces() > decimals) {
    throw new RangeError(`${value.toFixed()} has more than ${decimals} decimals`);
  }
  return groupThousands(value.toFixed(decimals));
}
