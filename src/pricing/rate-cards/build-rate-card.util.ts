import { isLocalDate } from '../markets/local-date.util';
import { MAX_RATE_CARD_CSV_LENGTH, normalizeCurrencyCode } from './meta-csv.util';
import { parseMetaRatesCsv } from './parse-meta-rates-csv.util';
import { parseMetaTiersCsv } from './parse-meta-tiers-csv.util';
import { RateCardImportError } from './rate-card-import.error';
import type { RateCardData, RateCardIssue } from './rate-card.types';
import { validateRateCard } from './validate-rate-card.util';

/** A card's name (rate_cards.name is varchar(200)). */
export const MAX_RATE_CARD_NAME_LENGTH = 200;

export interface BuildRateCardInput {
  name: string;
  currency: string;
  /** YYYY-MM-DD, 12am in the WABA's timezone. */
  effectiveFrom: string;
  ratesCsv: string;
  volumeTiersCsv?: string;
  provenance?: string;
}

function parseOrCollect<T>(parse: () => T, file: string, issues: RateCardIssue[]): T | null {
  try {
    return parse();
  } catch (error: unknown) {
    if (!(error instanceof RateCardImportError)) {
      throw error;
    }
    issues.push(
      ...error.issues.map((issue) => ({ ...issue, message: `${file}: ${issue.message}` })),
    );
    return null;
  }
}

/** A validated card from Meta's rates CSV (and optional volume tiers CSV); refused as a whole. */
export function buildRateCard(input: BuildRateCardInput): RateCardData {
  const issues: RateCardIssue[] = [];
  const currency = normalizeCurrencyCode(input.currency);
  if (input.name.trim() === '') {
    issues.push({ line: 0, message: 'name is empty' });
  } else if (input.name.trim().length > MAX_RATE_CARD_NAME_LENGTH) {
    issues.push({
      line: 0,
      message: `name is ${input.name.trim().length} characters long; at most ${MAX_RATE_CARD_NAME_LENGTH}`,
    });
  }
  for (const [file, text] of [
    ['rates CSV', input.ratesCsv],
    ['volume tiers CSV', input.volumeTiersCsv ?? ''],
  ] as const) {
    if (text.length > MAX_RATE_CARD_CSV_LENGTH) {
      issues.push({
        line: 0,
        message: `the ${file} is ${text.length} characters long; at most ${MAX_RATE_CARD_CSV_LENGTH} (1 MiB) are read`,
      });
    }
  }
  if (currency === null) {
    issues.push({ line: 0, message: `currency "${input.currency}" is not a 3-letter code` });
  }
  if (!isLocalDate(input.effectiveFrom)) {
    issues.push({
      line: 0,
      message: `effectiveFrom "${input.effectiveFrom}" is not a calendar date YYYY-MM-DD`,
    });
  }
  if (currency === null || issues.length > 0) {
    throw new RateCardImportError(issues);
  }
  const rates = parseOrCollect(
    () => parseMetaRatesCsv(input.ratesCsv, currency),
    'rates CSV',
    issues,
  );
  const tiersCsv = input.volumeTiersCsv;
  const tiers =
    tiersCsv === undefined || tiersCsv.trim() === ''
      ? null
      : parseOrCollect(() => parseMetaTiersCsv(tiersCsv, currency), 'volume tiers CSV', issues);
  if (rates === null || issues.length > 0) {
    throw new RateCardImportError(issues);
  }
  const card: RateCardData = {
    name: input.name.trim(),
    currency,
    effectiveFrom: input.effectiveFrom,
    rates: rates.rates,
    tiers: tiers?.tiers ?? {},
    provenance: input.provenance ?? `Meta rate card CSV imported as "${input.name.trim()}"`,
  };
  const cardIssues = validateRateCard(card, { rates: rates.lines, tiers: tiers?.lines });
  if (cardIssues.length > 0) {
    throw new RateCardImportError(cardIssues);
  }
  return card;
}
