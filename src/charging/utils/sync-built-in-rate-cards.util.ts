import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateCardsService } from '../../rate-cards/services/rate-cards.service';
import { RepriceJobs } from '../services/reprice-jobs.service';

/**
 * Stores the built-in cards this release ships and queues the re-rate a changed set needs: for
 * each currency, from the earliest date of a card added or removed (after an upgrade; on a new
 * database the job finds nothing to re-rate).
 */
export async function syncBuiltInRateCards(app: INestApplicationContext): Promise<void> {
  const changed = await app.get(RateCardsService).ensureBuiltIns();
  const anyMessage: unknown[] = await app.get(DataSource).query('SELECT 1 FROM messages LIMIT 1');
  if (anyMessage.length === 0) return;
  const earliest = new Map<string, string>();
  for (const { currency, effectiveFrom } of changed) {
    const current = earliest.get(currency);
    if (current === undefined || effectiveFrom < current) earliest.set(currency, effectiveFrom);
  }
  for (const [currency, effectiveFrom] of earliest) {
    await app
      .get(RepriceJobs)
      .enqueue('RATE_CARD_REPRICE', { rateCard: { currency, effectiveFrom } });
  }
}
