import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { StatementInput } from './dtos/inputs/statement.input';
import { Statement } from './dtos/outputs/statement.output';
import { StatementService } from './services/statement.service';
import { formatStatementToGraphqlDto } from './utils/format-statement-to-graphql-dto.util';

@Resolver()
export class StatementResolver {
  constructor(private readonly statements: StatementService) {}

  @Query(() => Statement, {
    description: 'The invoice-like statement of a month (WABA time) for one WABA or portfolio.',
  })
  @RequireRole('finance')
  async monthlyStatement(@Args('input') input: StatementInput): Promise<Statement> {
    return formatStatementToGraphqlDto(await this.statements.monthlyStatement(input));
  }
}
