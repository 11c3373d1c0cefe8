import { normalizeMarketName } from '../markets/market-map';
import type { RateColumn } from '../pricing.types';
import {
  currencyMatches,
  isBlankRow,
  normalizeCurrencyCode,
  parseRateCell,
  readCsvRows,
  sortByLine,
  type CsvRow,
} from './meta-csv.util';
import { RateCardImportError } from './rate-card-import.error';
import type { MarketRates, ParsedRates, RateCardIssue } from './rate-card.types';

type RatesHeader = 'MARKET' | 'CURRENCY' | RateColumn;

const HEADERS: Readonly<Record<string, RatesHeader>> = {
  market: 'MARKET',
  currency: 'CURRENCY',
  marketing: 'MARKETING',
  utility: 'UTILITY',
  authentication: 'AUTHENTICATION',
  authenticationinternational: 'AUTHENTICATION_INTERNATIONAL',
  service: 'SERVICE',
};

/** "Authentication-\nInternational" and "Authentication International" read the same. */
export function headerKey(cell: string): string {
  return cell.toLowerCase().replace(/[^a-z]/g, '');
}

function readHeader(header: CsvRow, issues: RateCardIssue[]): Map<number, RatesHeader> {
  const columns = new Map<number, RatesHeader>();
  const seen = new Set<RatesHeader>();
  header.cells.forEach((cell, index) => {
    if (cell === '') {
      return;
    }
    const column = HEADERS[headerKey(cell)];
    if (column === undefined) {
      issues.push({ line: header.line, message: `unknown column "${cell}"` });
    } else if (seen.has(column)) {
      issues.push({ line: header.line, message: `column "${cell}" appears twice` });
    } else {
      seen.add(column);
      columns.set(index, column);
    }
  });
  if (![...seen].some((column) => column !== 'MARKET' && column !== 'CURRENCY')) {
    issues.push({ line: header.line, message: 'no rate column in the header' });
  }
  return columns;
}

/**
 * Meta's per-currency rates CSV: optional notes lines, then
 * `Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service`.
 * Every problem is collected; any problem refuses the whole file.
 */
export function parseMetaRatesCsv(text: string, expectedCurrency: string): ParsedRates {
  const currency = normalizeCurrencyCode(expectedCurrency);
  if (currency === null) {
    throw new RateCardImportError(
      [{ line: 0, message: `expected currency "${expectedCurrency}" is not an ISO 4217 code` }],
      'rates CSV',
    );
  }
  const { rows, issues } = readCsvRows(text);
  const headerIndex = rows.findIndex((row) => headerKey(row.cells[0] ?? '') === 'market');
  if (headerIndex < 0 && issues.length === 0) {
    issues.push({ line: 0, message: 'no header row starting with "Market"' });
  }
  const rates: Record<string, MarketRates> = {};
  const lines: Record<string, number> = {};
  if (headerIndex >= 0) {
    const columns = readHeader(rows[headerIndex], issues);
    for (const row of rows.slice(headerIndex + 1)) {
      if (!isBlankRow(row.cells)) {
        readRatesRow(row, columns, currency, { rates, lines, issues });
      }
    }
  }
  if (issues.length > 0) {
    throw new RateCardImportError(sortByLine(issues), 'rates CSV');
  }
  return { currency, rates, lines };
}

function readRatesRow(
  row: CsvRow,
  columns: ReadonlyMap<number, RatesHeader>,
  currency: string,
  into: {
    rates: Record<string, MarketRates>;
    lines: Record<string, number>;
    issues: RateCardIssue[];
  },
): void {
  const { line, cells } = row;
  const problem = (message: string) => into.issues.push({ line, message });
  const marketRates: MarketRates = {};
  let market: string | null = null;
  for (const [index, cell] of cells.entries()) {
    const column = columns.get(index);
    if (column === undefined) {
      if (cell !== '') {
        problem(`unexpected value "${cell}" outside the header's columns`);
      }
    } else if (column === 'MARKET') {
      market = normalizeMarketName(cell);
      if (cell === '') {
        problem('missing market name');
      } else if (market === null) {
        problem(`unknown market "${cell}"`);
      } else if (into.lines[market] !== undefined) {
        problem(`duplicate market "${market}" (first on line ${into.lines[market]})`);
        market = null;
      }
    } else if (column === 'CURRENCY') {
      if (!currencyMatches(cell, currency)) {
        problem(`currency "${cell}" does not match expected ${currency}`);
      }
    } else {
      const parsed = parseRateCell(cell, currency);
      if (parsed.kind === 'error') {
        problem(parsed.message);
      } else if (parsed.kind === 'value') {
        marketRates[column] = parsed.value;
      }
    }
  }
  if (market !== null) {
    into.rates[market] = marketRates;
    into.lines[market] = line;
  }
}
