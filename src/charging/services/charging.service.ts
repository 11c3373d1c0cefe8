import { Injectable } from '@nestjs/common';
import type { PendingMessages } from '../../messages/utils/pending-messages.util';
import { IncrementalRerating } from './incremental-rerating.service';
import { MonthRerating, type MonthProgress, type RepriceScope } from './month-rerating.service';

export type { MonthProgress, RepriceProgress, RepriceScope } from './month-rerating.service';

/**
 * Keeps every message's charge current: late facts re-rate only what they can affect
 * (`IncrementalRerating`); a reprice, a rate card import, an account edit or a bulk import
 * re-rates whole months (`MonthRerating`; account edits queue theirs as jobs, `RepriceJobs`).
 */
@Injectable()
export class ChargingService {
  constructor(
    private readonly incremental: IncrementalRerating,
    private readonly months: MonthRerating,
  ) {}

  /** See `IncrementalRerating.rerateMessages`. */
  rerateMessages(ids: readonly number[], pending?: PendingMessages): Promise<number> {
    return this.incremental.rerateMessages(ids, pending);
  }

  /** See `MonthRerating.repriceRange`. */
  repriceRange(
    scope: RepriceScope,
    pending?: PendingMessages,
    progress: MonthProgress = {},
  ): Promise<number> {
    return this.months.repriceRange(scope, pending, progress);
  }

  /** See `MonthRerating.repriceForRateCard`. */
  repriceForRateCard(
    card: { currency: string; effectiveFrom: string },
    progress: MonthProgress = {},
  ): Promise<number> {
    return this.months.repriceForRateCard(card, progress);
  }
}
