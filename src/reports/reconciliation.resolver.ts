import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { decodeIdCursor, pageSize } from '../common/graphql/connection.util';
import { AfterArg, FirstArg } from '../common/graphql/page-args.decorator';
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
    @FirstArg('Messages')
    first?: number | null,
    @AfterArg('the first page')
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
