import { normalizeMarketName } from '../markets/market-map';
import {
  currencyMatches,
  isBlankRow,
  isNoRate,
  normalizeCurrencyCode,
  parseRateCell,
  parseVolumeCell,
  readCsvRows,
  sortByLine,
  type CsvRow,
} from './meta-csv.util';
import { headerKey } from './parse-meta-rates-csv.util';
import { RateCardImportError } from './rate-card-import.error';
import {
  TIER_LADDER_COLUMNS,
  type MarketTiers,
  type ParsedTiers,
  type TierLadderColumn,
} from './rate-card.types';
import { normalizeTierLadder, type RawTierBand } from './tier-ladder.util';

const GROUP_START = 2;
const GROUP_WIDTH = 5;
const [FROM, TO, , RATE] = [0, 1, 2, 3];

interface MarketGroup {
  market: string;
  ladders: Partial<Record<TierLadderColumn, RawTierBand[]>>;
  notApplicable: Set<TierLadderColumn>;
}

/**
 * Meta's per-currency volume tiers CSV: Market, Currency, then From, To, Rate type, Rate,
 * vs. List rate for Utility, Authentication and Authentication-International. The market cell is
 * only on the first row of its group; "--" is an open upper bound; "n/a" means no ladder.
 */
export function parseMetaTiersCsv(text: string, expectedCurrency: string): ParsedTiers {
  const currency = normalizeCurrencyCode(expectedCurrency);
  if (currency === null) {
    throw new RateCardImportError(
      [{ line: 0, message: `expected currency "${expectedCurrency}" is not an ISO 4217 code` }],
      'volume tiers CSV',
    );
  }
  const { rows, issues } = readCsvRows(text);
  const headerIndex = rows.findIndex((row) => headerKey(row.cells[0] ?? '') === 'market');
  if (headerIndex < 0 && issues.length === 0) {
    issues.push({ line: 0, message: 'no header row starting with "Market"' });
  }
  const groups: MarketGroup[] = [];
  const lines: Record<string, number> = {};
  let current: MarketGroup | null = null;
  let inRefusedGroup = false;
  for (const row of headerIndex < 0 ? [] : rows.slice(headerIndex + 1)) {
    if (isBlankRow(row.cells) || isSubHeader(row)) {
      continue;
    }
    const problem = (message: string) => issues.push({ line: row.line, message });
    const [marketCell = '', currencyCell = ''] = row.cells;
    if (marketCell !== '') {
      const market = normalizeMarketName(marketCell);
      current = null;
      inRefusedGroup = true;
      if (market === null) {
        problem(`unknown market "${marketCell}"`);
      } else if (lines[market] !== undefined) {
        problem(`duplicate market "${market}" (first on line ${lines[market]})`);
      } else {
        current = { market, ladders: {}, notApplicable: new Set() };
        inRefusedGroup = false;
        groups.push(current);
        lines[market] = row.line;
      }
    } else if (current === null && !inRefusedGroup) {
      problem('continuation row before any market');
    }
    if (currencyCell !== '' && !currencyMatches(currencyCell, currency)) {
      problem(`currency "${currencyCell}" does not match expected ${currency}`);
    }
    if (current !== null) {
      readBands(row, current, currency, problem);
    }
  }
  const tiers: Record<string, MarketTiers> = {};
  for (const group of groups) {
    for (const column of TIER_LADDER_COLUMNS) {
      const raw = group.ladders[column];
      if (raw !== undefined) {
        const what = `${group.market} ${column.toLowerCase().replace(/_/g, '-')}`;
        const ladder = normalizeTierLadder(raw, what, issues);
        tiers[group.market] = { ...tiers[group.market], [column]: ladder };
      }
    }
  }
  if (issues.length > 0) {
    throw new RateCardImportError(sortByLine(issues), 'volume tiers CSV');
  }
  return { currency, tiers, lines };
}

/** The second header row of a two-row header: empty market cell, "From"/"To" labels. */
function isSubHeader(row: CsvRow): boolean {
  return row.cells[0] === '' && headerKey(row.cells[GROUP_START + FROM] ?? '') === 'from';
}

function readBands(
  row: CsvRow,
  group: MarketGroup,
  currency: string,
  problem: (message: string) => void,
): void {
  TIER_LADDER_COLUMNS.forEach((column, groupIndex) => {
    const start = GROUP_START + groupIndex * GROUP_WIDTH;
    const cells = row.cells.slice(start, start + GROUP_WIDTH);
    if (isBlankRow(cells)) {
      return;
    }
    const label = column.toLowerCase().replace(/_/g, '-');
    if (cells.some(isNoRate)) {
      if (group.ladders[column] !== undefined) {
        problem(`${label} is both "n/a" and a ladder`);
      }
      group.notApplicable.add(column);
      return;
    }
    if (group.notApplicable.has(column)) {
      problem(`${label} is both "n/a" and a ladder`);
      return;
    }
    const from = parseVolumeCell(cells[FROM] ?? '', false);
    const to = parseVolumeCell(cells[TO] ?? '', true);
    const rate = parseRateCell(cells[RATE] ?? '', currency);
    for (const parsed of [from, to, rate]) {
      if (parsed.kind === 'error') {
        problem(`${label}: ${parsed.message}`);
      }
    }
    if (rate.kind === 'absent') {
      problem(`${label}: band without a rate`);
    }
    if (from.kind === 'value' && to.kind === 'value' && rate.kind === 'value') {
      const bands = (group.ladders[column] ??= []);
      bands.push({ from: from.value as number, to: to.value, rate: rate.value, line: row.line });
    }
  });
}
