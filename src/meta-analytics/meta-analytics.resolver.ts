import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import {
  decodeIdCursor,
  encodeIdCursor,
  pageSize,
  toConnection,
} from '../common/graphql/connection.util';
import { AfterArg, FirstArg } from '../common/graphql/page-args.decorator';
import { MetaReconciliationInput } from './dtos/inputs/meta-reconciliation.input';
import { PullMetaAnalyticsInput } from './dtos/inputs/pull-meta-analytics.input';
import {
  MetaAnalyticsPull,
  MetaAnalyticsPullConnection,
} from './dtos/outputs/meta-analytics-pull.output';
import { MetaReconciliation } from './dtos/outputs/meta-reconciliation.output';
import { MetaAnalyticsService } from './services/meta-analytics.service';
import { MetaReconciliationService } from './services/meta-reconciliation.service';
import { formatMetaAnalyticsPullToGraphqlDto } from './utils/format-meta-analytics-pull-to-graphql-dto.util';
import { formatMetaReconciliationToGraphqlDto } from './utils/format-meta-reconciliation-to-graphql-dto.util';

const CURSOR = 'metaAnalyticsPull';

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

  @Query(() => MetaAnalyticsPullConnection, {
    description: "Pulls and imports of Meta's analytics, newest first.",
  })
  @RequireRole('operator')
  async metaAnalyticsPulls(
    @Args('wabaId', { type: () => String, nullable: true }) wabaId?: string | null,
    @FirstArg('Pulls')
    first?: number | null,
    @AfterArg('the newest')
    after?: string | null,
  ): Promise<MetaAnalyticsPullConnection> {
    const size = pageSize(first);
    const beforeId = decodeIdCursor(CURSOR, 'metaAnalyticsPulls', after);
    const page = await this.analytics.pagePulls(wabaId ?? null, size, beforeId);
    return {
      ...toConnection(
        page.pulls,
        page.hasNextPage,
        (pull) => encodeIdCursor(CURSOR, pull.id),
        formatMetaAnalyticsPullToGraphqlDto,
      ),
      totalCount: page.totalCount,
    };
  }
}
