import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { BudgetInput, BudgetScopeInput } from './dtos/inputs/budget.input';
import { Budget } from './dtos/outputs/budget.output';
import { BudgetsService } from './services/budgets.service';
import { formatBudgetToGraphqlDto } from './utils/format-budget-to-graphql-dto.util';

@Resolver()
export class BudgetsResolver {
  constructor(private readonly budgetService: BudgetsService) {}

  @Query(() => [Budget], { description: "Monthly budgets with this month's spend and alerts." })
  @RequireRole('finance')
  async budgets(): Promise<Budget[]> {
    return (await this.budgetService.statuses(new Date())).map(formatBudgetToGraphqlDto);
  }

  @Mutation(() => Budget, {
    description:
      'Sets the monthly budget of a WABA or portfolio; 50, 80 and 100% of it, by spend or forecast, notify once a month each.',
  })
  @RequireRole('operator')
  async setBudget(@Args('input') input: BudgetInput): Promise<Budget> {
    const budget = await this.budgetService.setBudget(input);
    const status = (await this.budgetService.statuses(new Date())).find(
      (candidate) => candidate.budget.id === budget.id,
    )!;
    return formatBudgetToGraphqlDto(status);
  }

  @Mutation(() => Boolean, { description: 'Removes a budget; false when there was none.' })
  @RequireRole('operator')
  removeBudget(@Args('input') input: BudgetScopeInput): Promise<boolean> {
    return this.budgetService.removeBudget(input);
  }
}
