import Decimal from 'decimal.js';

/** The only Decimal constructor money goes through: 40 significant digits, half-up. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

/** Amounts are stored as integer micro-units (1e-6 of the currency unit). */
export const MICROS_PER_UNIT = 1_000_000;
export const MICRO_SCALE = 6;

export function money(value: string | Decimal): Decimal {
  return new Money(value);
}

/** Canonical decimal string: no exponent, no trailing zeros ("0.0250" -> "0.025", "0" -> "0"). */
export function toDecimalString(value: Decimal): string {
  const fixed = value.toFixed();
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

export function toMicros(value: Decimal): string {
  const scaled = value.times(MICROS_PER_UNIT);
  if (!scaled.isInteger()) {
    throw new RangeError(`amount ${value.toFixed()} has more than ${MICRO_SCALE} decimals`);
  }
  return scaled.toFixed(0);
}

export function fromMicros(micros: string | bigint): Decimal {
  return new Money(micros.toString()).dividedBy(MICROS_PER_UNIT);
}

/** ISO 4217 minor units of Meta's billing currencies (ICU's display digits differ for IDR/COP). */
const ISO_MINOR_UNITS: Record<string, number> = {
  AED: 2,
  ARS: 2,
  AUD: 2,
  BRL: 2,
  CLP: 0,
  COP: 2,
  EUR: 2,
  GBP: 2,
  IDR: 2,
  INR: 2,
  MXN: 2,
  MYR: 2,
  PEN: 2,
  SAR: 2,
  SGD: 2,
  USD: 2,
};

export function currencyMinorUnits(currency: string): number {
  const code = currency.toUpperCase();
  return (
    ISO_MINOR_UNITS[code] ??
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits ??
    2
  );
}

/** Statement rounding: to the currency's minor unit, half-up. Used only for statement totals. */
export function roundToMinorUnit(value: Decimal, currency: string): Decimal {
  return value.toDecimalPlaces(currencyMinorUnits(currency), Decimal.ROUND_HALF_UP);
}

export function formatMinorUnits(value: Decimal, currency: string): string {
  return roundToMinorUnit(value, currency).toFixed(currencyMinorUnits(currency));
}
