import { BUILT_IN_RATE_CARD_DATA } from './built-in-rate-cards.data';
import { RateCardImportError } from './rate-card-import.error';
import type { RateCardData } from './rate-card.types';
import { validateRateCard } from './validate-rate-card.util';

/** Runs built-in data through the same validation as imported cards; refuses them as a whole. */
export function loadBuiltInRateCards(cards: readonly RateCardData[]): RateCardData[] {
  const issues = cards.flatMap((card) =>
    validateRateCard(card).map((issue) => ({
      ...issue,
      message: `${card.name}: ${issue.message}`,
    })),
  );
  if (issues.length > 0) {
    throw new RateCardImportError(issues, 'built-in rate cards');
  }
  return cards.map((card) => structuredClone(card));
}

export const BUILT_IN_RATE_CARDS: RateCardData[] = loadBuiltInRateCards(BUILT_IN_RATE_CARD_DATA);
