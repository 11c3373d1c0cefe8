import { Injectable, OnModuleInit } from '@nestjs/common';
import { AccountsService } from '../../accounts/services/accounts.service';
import type { JobEntity } from '../../jobs/entities/job.entity';
import type { JobContext, JobKind } from '../../jobs/job.types';
import { JobRunner } from '../../jobs/services/job-runner.service';
import { JobsService } from '../../jobs/services/jobs.service';
import { ChargingService, type RepriceScope } from './charging.service';

/** A re-rate as a job's payload: a scope of months, or every WABA of a rate card's currency. */
export type RepricePayload =
  | {
      wabaIds: string[] | null;
      from: string | null;
      to: string | null;
      alsoPortfolios?: string[];
    }
  | { rateCard: { currency: string; effectiveFrom: string } };

interface RepriceCheckpoint {
  /** The last UTC month re-rated. */
  month: string;
  /** Messages re-rated up to it. */
  messages: number;
}

const REPRICE_KINDS: readonly JobKind[] = ['REPRICE', 'RATE_CARD_REPRICE', 'ACCOUNT_REPRICE'];

/**
 * Re-rates run as jobs: a reprice, the re-rate after a rate card import and after a WABA edit.
 * Each goes month by month and checkpoints after every month, so that a resumed job goes on
 * from the month after the last one done.
 */
@Injectable()
export class RepriceJobs implements OnModuleInit {
  constructor(
    private readonly charging: ChargingService,
    private readonly jobs: JobsService,
    private readonly runner: JobRunner,
    private readonly accounts: AccountsService,
  ) {}

  onModuleInit(): void {
    for (const kind of REPRICE_KINDS) {
      this.runner.register(kind, (payload, context) =>
        this.run(payload as RepricePayload, context),
      );
    }
    this.accounts.repriceOnPricingFactsChange((change) =>
      this.enqueue('ACCOUNT_REPRICE', {
        wabaIds: change.wabaIds,
        from: null,
        to: null,
        alsoPortfolios: change.previousPortfolioIds,
      }),
    );
  }

  enqueue(kind: JobKind, payload: RepricePayload): Promise<JobEntity> {
    return this.jobs.enqueue(kind, payload);
  }

  private async run(payload: RepricePayload, context: JobContext): Promise<{ messages: number }> {
    const checkpoint = context.checkpoint as RepriceCheckpoint | null;
    const done = checkpoint?.messages ?? 0;
    let messages = done;
    // Within a month only the share moves, in order; a stop is noticed at the month's end.
    let shares: Promise<void> = Promise.resolve();
    const progress = {
      after: checkpoint?.month,
      onMonth: async (month: string, share: number, sinceStart: number) => {
        messages = done + sinceStart;
        await shares;
        await context.report(share, { month, messages } satisfies RepriceCheckpoint);
      },
      onShare: (share: number) => {
        shares = shares.then(() => context.report(share)).catch(() => undefined);
      },
    };
    if ('rateCard' in payload) {
      await this.charging.repriceForRateCard(payload.rateCard, progress);
    } else {
      await this.charging.repriceRange(toScope(payload), undefined, progress);
    }
    return { messages };
  }
}

function toScope(payload: Exclude<RepricePayload, { rateCard: unknown }>): RepriceScope {
  return {
    wabaIds: payload.wabaIds,
    from: payload.from === null ? null : new Date(payload.from),
    to: payload.to === null ? null : new Date(payload.to),
    alsoPortfolios: payload.alsoPortfolios,
  };
}
