import { CsvError, parse } from 'csv-parse/sync';
import { money, toDecimalString } from '../money';
import type { RateCardIssue } from './rate-card.types';

export interface CsvRow {
  /** Physical 1-based line where the record starts. */
  line: number;
  cells: string[];
}

export type CellValue =
  { kind: 'absent' } | { kind: 'value'; value: string } | { kind: 'error'; message: string };

const LINE_BREAK = /\r\n|\r|\n/g;
const LEADING_BLANK_LINES = /^(?:\r\n|\r|\n)*/;
const NO_RATE = new Set(['', 'n/a', 'na', '-', '--', '—']);
const OPEN_BOUND = new Set(['', '-', '--', '—', 'max']);
const AMOUNT = /^([^\d\s.,+-]*)\s*(-?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
const VOLUME = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const MAX_RATE_DECIMALS = 6;
/**
 * A rate's whole part: up to 9,999,999 per message in any currency (Meta's highest list rates are
 * a few hundred units, in IDR), so that amounts and their micro-unit sums stay far inside the
 * stored columns (charge_rate varchar(40), bigint micro-units).
 */
export const MAX_RATE_INTEGER_DIGITS = 7;
/** A cell's text, currency symbols and thousands separators included. */
const MAX_CELL_LENGTH = 64;
/** Each CSV file of a rate card (rates, volume tiers); Meta's files are a few kilobytes. */
export const MAX_RATE_CARD_CSV_LENGTH = 1_048_576;

/** Tokens Meta (and spreadsheet exports) use for a currency besides its ISO code. */
const CURRENCY_SYMBOLS: Readonly<Record<string, readonly string[]>> = {
  USD: ['$US', 'US$', '$'],
  AUD: ['$AU', 'AU$', 'A$', '$'],
  MXN: ['$MX', 'MX$', '$'],
  ARS: ['$AR', 'AR$', '$'],
  CLP: ['$CL', 'CL$', '$'],
  COP: ['$CO', 'CO$', '$'],
  SGD: ['$SG', 'SG$', 'S$', '$'],
  BRL: ['R$'],
  EUR: ['€'],
  GBP: ['£'],
  INR: ['₹', 'RS', 'RS.'],
  IDR: ['RP'],
  MYR: ['RM'],
  PEN: ['S/', 'S/.'],
  SAR: ['SR', '﷼'],
  AED: ['د.إ'],
};

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/**
 * Records with the physical line they start on (quoted cells may span lines). Any CSV syntax
 * error is returned as an issue instead of rows.
 */
export function readCsvRows(text: string): { rows: CsvRow[]; issues: RateCardIssue[] } {
  let records: { record: string[]; raw: string }[];
  try {
    // With `raw`, csv-parse returns { record, raw } items; its typings only describe string[][].
    records = parse(text, {
      bom: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      trim: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { record: string[]; raw: string }[];
  } catch (error: unknown) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : 0;
      return { rows: [], issues: [{ line, message: `malformed CSV: ${error.message}` }] };
    }
    throw error;
  }
  const rows: CsvRow[] = [];
  let nextLine = 1;
  for (const { record: cells, raw } of records) {
    const blankLines = countLineBreaks(LEADING_BLANK_LINES.exec(raw)?.[0] ?? '');
    rows.push({ line: nextLine + blankLines, cells });
    nextLine += countLineBreaks(raw);
  }
  return { rows, issues: [] };
}

/** Issues in file order (stable within a line). */
export function sortByLine(issues: RateCardIssue[]): RateCardIssue[] {
  return [...issues].sort((a, b) => a.line - b.line);
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell === '');
}

export function currencyMatches(token: string, expectedCurrency: string): boolean {
  const normalized = token.trim().toUpperCase();
  return (
    normalized === expectedCurrency ||
    (CURRENCY_SYMBOLS[expectedCurrency]?.includes(normalized) ?? false)
  );
}

/** An exact rate cell: "n/a"/empty = no rate; thousand separators and a currency prefix allowed. */
export function parseRateCell(cell: string, expectedCurrency: string): CellValue {
  if (cell.length > MAX_CELL_LENGTH) {
    return {
      kind: 'error',
      message: `a rate cell of ${cell.length} characters (at most ${MAX_CELL_LENGTH})`,
    };
  }
  if (NO_RATE.has(cell.trim().toLowerCase())) {
    return { kind: 'absent' };
  }
  const match = AMOUNT.exec(cell.trim());
  if (!match) {
    return { kind: 'error', message: `"${cell}" is not a number` };
  }
  const [, unit, sign, integer, fraction = ''] = match;
  if (unit !== '' && !currencyMatches(unit, expectedCurrency)) {
    return { kind: 'error', message: `unit "${unit}" in "${cell}" is not ${expectedCurrency}` };
  }
  if (sign === '-') {
    return { kind: 'error', message: `negative rate "${cell}"` };
  }
  if (fraction.length > MAX_RATE_DECIMALS) {
    return {
      kind: 'error',
      message: `rate "${cell}" has more than ${MAX_RATE_DECIMALS} decimal places`,
    };
  }
  const whole = integer.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_RATE_INTEGER_DIGITS) {
    return {
      kind: 'error',
      message: `rate "${cell}" is too large (at most ${MAX_RATE_INTEGER_DIGITS} digits before the decimal point)`,
    };
  }
  const digits = `${whole}${fraction === '' ? '' : `.${fraction}`}`;
  return { kind: 'value', value: toDecimalString(money(digits)) };
}

export type VolumeCell =
  { kind: 'value'; value: number | null } | { kind: 'error'; message: string };

/** A tier volume bound; value `null` for an open upper bound when `openAllowed`. */
export function parseVolumeCell(cell: string, openAllowed: boolean): VolumeCell {
  if (cell.length > MAX_CELL_LENGTH) {
    return {
      kind: 'error',
      message: `a volume cell of ${cell.length} characters (at most ${MAX_CELL_LENGTH})`,
    };
  }
  const trimmed = cell.trim();
  if (openAllowed && OPEN_BOUND.has(trimmed.toLowerCase())) {
    return { kind: 'value', value: null };
  }
  if (!VOLUME.test(trimmed)) {
    return { kind: 'error', message: `"${cell}" is not a whole message count` };
  }
  const value = Number(trimmed.replace(/,/g, ''));
  return Number.isSafeInteger(value)
    ? { kind: 'value', value }
    : { kind: 'error', message: `"${cell}" is too large` };
}

export function isNoRate(cell: string): boolean {
  return cell.trim().toLowerCase() === 'n/a' || cell.trim().toLowerCase() === 'na';
}

export function normalizeCurrencyCode(currency: string): string | null {
  const code = currency.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}
