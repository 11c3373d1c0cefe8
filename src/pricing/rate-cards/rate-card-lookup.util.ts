import type { RateColumn } from '../pricing.types';
import type { RateCardData, TierBand, TierLadderColumn } from './rate-card.types';

/** The card's rate for a market and column, or null when the card has none (no fallback here). */
export function rateFor(card: RateCardData, market: string, column: RateColumn): string | null {
  return card.rates[market]?.[column] ?? null;
}

export function tierLadder(
  card: RateCardData,
  market: string,
  column: TierLadderColumn,
): TierBand[] | null {
  const ladder = card.tiers[market]?.[column];
  return ladder === undefined || ladder.length === 0 ? null : ladder;
}
