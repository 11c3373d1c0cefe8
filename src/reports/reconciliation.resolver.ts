import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import {
  decodeIdCursor,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  pageSize,
} from '../common/graphql/connection.util';
import { ReconciliationInput } from './dtos/inputs/reconciliation.input';
import { ReconciliationConnection } from './dtos/outputs/reconciliation.output';
import { ReconciliationService } from './services/reconciliation.service';
import {
  formatReconciliationToGraphqlDto,
  RECONCILIATION_CURSOR,
} from './utils/format-reconciliation-to-graphql-dto.util';

@Resolver()
export class ReconciliationResolver {
  constructor(private readonly reconciliations: ReconciliationService) {}

  @Query(() => ReconciliationConnection, {
    description: "Messages where Meta's pricing verdict and the engine's estimate disagree.",
  })
  @RequireRole('finance')
  async reconciliation(
    @Args('input') input: ReconciliationInput,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_PAGE_SIZE,
      description: `Messages per page, 1 to ${MAX_PAGE_SIZE}.`,
    })
    first?: number | null,
    @Args('after', {
      type: () => String,
      nullable: true,
      description: 'endCursor of the previous page; absent or null: the first page.',
    })
    after?: string | null,
  ): Promise<ReconciliationConnection> {
    return formatReconciliationToGraphqlDto(
      await this.reconciliations.reconciliation({
        ...input,
        first: pageSize(first),
        afterId: decodeIdCursor(RECONCILIATION_CURSOR, 'reconciliation', after),
      }),
    );
  }
}
