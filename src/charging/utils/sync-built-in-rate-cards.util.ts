import type { INestApplicationContext } from '@nestjs/common';
import { RateCardsService } from '../../rate-cards/services/rate-cards.service';
import { ChargingService } from '../services/charging.service';

/**
 * Stores the built-in cards this release ships and re-rates what a changed set affects: for each
 * currency, from the earliest date of a card added or removed (after an upgrade; on a new
 * database there is nothing to re-rate).
 */
export async function syncBuiltInRateCards(app: INestApplicationContext): Promise<void> {
  const changed = await app.get(RateCardsService).ensureBuiltIns();
  const earliest = new Map<string, string>();
  for (const { currency, effectiveFrom } of changed) {
    const current = earliest.get(currency);
    if (current === undefined || effectiveFrom < current) earliest.set(currency, effectiveFrom);
  }
  for (const [currency, effectiveFrom] of earliest) {
    await app.get(ChargingService).repriceForRateCard({ currency, effectiveFrom });
  }
}
