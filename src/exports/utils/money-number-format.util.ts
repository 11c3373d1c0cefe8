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
