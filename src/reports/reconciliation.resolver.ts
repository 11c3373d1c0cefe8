import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { ReconciliationInput } from './dtos/inputs/reconciliation.input';
import { Reconciliation } from './dtos/outputs/reconciliation.output';
import { ReconciliationService } from './services/reconciliation.service';
import { formatReconciliationToGraphqlDto } from './utils/format-reconciliation-to-graphql-dto.util';

@Resolver()
export class ReconciliationResolver {
  constructor(private readonly reconciliations: ReconciliationService) {}

  @Query(() => Reconciliation, {
    description: "Messages where Meta's pricing verdict and the engine's estimate disagree.",
  })
  @RequireRole('finance')
  async reconciliation(@Args('input') input: ReconciliationInput): Promise<Reconciliation> {
    return formatReconciliationToGraphqlDto(await this.reconciliations.reconciliation(input));
  }
}
