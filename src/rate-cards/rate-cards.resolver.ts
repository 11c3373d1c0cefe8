import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RepriceJobs } from '../charging/services/reprice-jobs.service';
import { formatJobToGraphql } from '../jobs/utils/format-job-to-graphql.util';
import { RequireRole } from '../common/auth/roles.decorator';
import { ImportRateCardInput } from './dtos/inputs/import-rate-card.input';
import { RateCardCoverageOutput } from './dtos/outputs/rate-card-coverage.output';
import { RateCardOutput } from './dtos/outputs/rate-card.output';
import { RateCardCoverageService } from './services/rate-card-coverage.service';
import type { RateCardEntity } from './entities/rate-card.entity';
import { RateCardsService } from './services/rate-cards.service';

@Resolver()
export class RateCardsResolver {
  constructor(
    private readonly cards: RateCardsService,
    private readonly repriceJobs: RepriceJobs,
    private readonly coverage: RateCardCoverageService,
  ) {}

  @Query(() => [RateCardOutput])
  @RequireRole('finance')
  async rateCards(): Promise<RateCardOutput[]> {
    return (await this.cards.list()).map(formatRateCardToGraphql);
  }

  @Query(() => RateCardCoverageOutput, {
    description:
      'The card in force for a currency on a date (YYYY-MM-DD, a WABA in UTC) and what it leaves unpriced.',
  })
  @RequireRole('finance')
  async rateCardCoverage(
    @Args('currency') currency: string,
    @Args('date') date: string,
  ): Promise<RateCardCoverageOutput> {
    const coverage = await this.coverage.of(currency, date);
    return {
      rateCard: coverage.card === null ? null : formatRateCardToGraphql(coverage.card),
      pricedMarkets: coverage.pricedMarkets,
      unpriced: coverage.unpriced as RateCardCoverageOutput['unpriced'],
    };
  }

  @Mutation(() => RateCardOutput, {
    description:
      'Imports a card; the messages it now prices are re-rated by a job (repriceJob), which any service process runs',
  })
  @RequireRole('operator')
  async importRateCard(@Args('input') input: ImportRateCardInput): Promise<RateCardOutput> {
    const card = await this.cards.import(input);
    const job = await this.repriceJobs.enqueue('RATE_CARD_REPRICE', {
      rateCard: { currency: card.currency, effectiveFrom: card.effectiveFrom },
    });
    return { ...formatRateCardToGraphql(card), repriceJob: formatJobToGraphql(job) };
  }
}

export function formatRateCardToGraphql(card: RateCardEntity): RateCardOutput {
  return {
    id: card.id,
    name: card.name,
    currency: card.currency,
    effectiveFrom: card.effectiveFrom,
    builtIn: card.builtIn,
    provenance: card.provenance,
    importedAt: card.importedAt,
    importOrder: card.importedSeq,
    rates: Object.entries(card.data.rates)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([market, rates]) => ({
        market,
        marketing: rates.MARKETING ?? null,
        utility: rates.UTILITY ?? null,
        authentication: rates.AUTHENTICATION ?? null,
        authenticationInternational: rates.AUTHENTICATION_INTERNATIONAL ?? null,
        service: rates.SERVICE ?? null,
        tiers: Object.entries(card.data.tiers[market] ?? {}).flatMap(([column, bands]) =>
          (bands ?? []).map((band) => `${column} ${band.label} @ ${band.rate}`),
        ),
      })),
  };
}
