import { currencyMinorUnits } from '../../pricing/money';

/**
 * Spreadsheet format for exact amounts: the currency's minor digits always shown, up to six
 * (micro-units) when present, e.g. '"USD" #,##0.00####'.
 */
export function moneyNumberFormat(currency: string | null): string {
  const minor = currency === null ? 2 : currencyMinorUnits(currency);
  const pattern = `#,##0.${'0'.repeat(minor)}${'#'.repeat(6 - minor)}`;
  return currency === null ? pattern : `"${currency}" ${pattern}`;
}

/**
 * Spreadsheet format with exactly `decimals` decimals and thousands separators, the currency code
 * first when given: '"USD" #,##0.0000'. A column formatted with the decimals its values need
 * (columnDecimals) shows each exactly, decimal points aligned. `alignTo` (≥ decimals) pads the
 * value with blank digit widths up to that many decimals, so a value shown with fewer decimals (a
 * total rounded to the minor unit) keeps its decimal point in line: '"USD" #,##0.00_0_0'.
 */
export function fixedNumberFormat(
  decimals: number,
  currency: string | null = null,
  alignTo = decimals,
): string {
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : alignTo > 0 ? '_.' : '';
  const pattern = `#,##0${fraction}${'_0'.repeat(Math.max(0, alignTo - decimals))}`;
  return currency === null ? pattern : `"${currency}" ${pattern}`;
}
