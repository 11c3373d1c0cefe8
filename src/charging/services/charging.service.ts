import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../../accounts/services/accounts.service';
import type { PendingMessages } from '../../messages/utils/pending-messages.util';
import { IncrementalRerating } from './incremental-rerating.service';
import { MonthRerating, type RepriceScope } from './month-rerating.service';

/**
 * Keeps every message's charge current: late facts re-rate only what they can affect
 * (`IncrementalRerating`); a reprice, a rate card import, an account edit or a bulk import
 * re-rates whole months (`MonthRerating`).
 */
@Injectable()
export class ChargingService implements OnModuleInit {
  constructor(
    private readonly accounts: AccountsService,
    private readonly incremental: IncrementalRerating,
    private readonly months: MonthRerating,
  ) {}

  onModuleInit(): void {
    this.accounts.onPricingFactsChanged((change) =>
      this.repriceRange({
        wabaIds: [change.wabaId],
        from: null,
        to: null,
        alsoPortfolios: change.previousPortfolioId ? [change.previousPortfolioId] : [],
      }).then(() => undefined),
    );
  }

  /** See `IncrementalRerating.rerateMessages`. */
  rerateMessages(ids: readonly number[], pending?: PendingMessages): Promise<number> {
    return this.incremental.rerateMessages(ids, pending);
  }

  /** See `MonthRerating.repriceRange`. */
  repriceRange(scope: RepriceScope, pending?: PendingMessages): Promise<number> {
    return this.months.repriceRange(scope, pending);
  }

  /** See `MonthRerating.repriceForRateCard`. */
  repriceForRateCard(card: { currency: string; effectiveFrom: string }): Promise<number> {
    return this.months.repriceForRateCard(card);
  }
}
