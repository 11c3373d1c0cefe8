import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import { MetaReconciliationInput } from './dtos/inputs/meta-reconciliation.input';
import { PullMetaAnalyticsInput } from './dtos/inputs/pull-meta-analytics.input';
import { MetaAnalyticsPull } from './dtos/outputs/meta-analytics-pull.output';
import { MetaReconciliation } from './dtos/outputs/meta-reconciliation.output';
import { MetaAnalyticsService } from './services/meta-analytics.service';
import { MetaReconciliationService } from './services/meta-reconciliation.service';
import { formatMetaAnalyticsPullToGraphqlDto } from './utils/format-meta-analytics-pull-to-graphql-dto.util';
import { formatMetaReconciliationToGraphqlDto } from './utils/format-meta-reconciliation-to-graphql-dto.util';

const MAX_PULLS = 200;

@Resolver()
export class MetaAnalyticsResolver {
  constructor(
    private readonly reconciliations: MetaReconciliationService,
    private readonly analytics: MetaAnalyticsService,
  ) {}

  @Query(() => MetaReconciliation, {
    description:
      "Meta's pricing_analytics beside our charges for a month, with the likeliest cause of each difference.",
  })
  @RequireRole('finance')
  async metaReconciliation(
    @Args('input') input: MetaReconciliationInput,
  ): Promise<MetaReconciliation> {
    return formatMetaReconciliationToGraphqlDto(await this.reconciliations.reconcile(input));
  }

  @Mutation(() => MetaAnalyticsPull, {
    description:
      "Pulls Meta's pricing_analytics for a WABA and range now (needs its access token).",
  })
  @RequireRole('operator')
  async pullMetaAnalytics(
    @Args('input') input: PullMetaAnalyticsInput,
  ): Promise<MetaAnalyticsPull> {
    return formatMetaAnalyticsPullToGraphqlDto(
      await this.analytics.pullRange(input.wabaId, input.from, input.to),
    );
  }

  @Query(() => [MetaAnalyticsPull], { description: 'Recent pulls and imports, newest first.' })
  @RequireRole('operator')
  async metaAnalyticsPulls(
    @Args('wabaId', { type: () => String, nullable: true }) wabaId: string | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ): Promise<MetaAnalyticsPull[]> {
    const count = first ?? 50;
    if (!Number.isInteger(count) || count < 1 || count > MAX_PULLS) {
      throw new DomainError('BAD_USER_INPUT', `first must be 1..${MAX_PULLS}`);
    }
    return (await this.analytics.listPulls(wabaId ?? null, count)).map(
      formatMetaAnalyticsPullToGraphqlDto,
    );
  }
}
