import type Decimal from 'decimal.js';
import { currencyMinorUnits, toDecimalString } from '../../pricing/money';

/** An exact amount for people: never rounded, padded to the currency's minor digits ("0.10"). */
export function formatExactAmount(value: Decimal, currency: string): string {
  const minor = currencyMinorUnits(currency);
  return value.decimalPlaces() < minor ? value.toFixed(minor) : toDecimalString(value);
}
