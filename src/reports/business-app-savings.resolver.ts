import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { toDecimalString } from '../pricing/money';
import { StatementInput } from './dtos/inputs/statement.input';
import { BusinessAppSavings } from './dtos/outputs/business-app-savings.output';
import { BusinessAppSavingsService } from './services/business-app-savings.service';

@Resolver()
export class BusinessAppSavingsResolver {
  constructor(private readonly savings: BusinessAppSavingsService) {}

  @Query(() => BusinessAppSavings, {
    description:
      'What the Business app saved in a month (WABA time) for one WABA or portfolio: its messages priced as Cloud API service replies. Read from the rollups.',
  })
  @RequireRole('finance')
  async businessAppSavings(@Args('input') input: StatementInput): Promise<BusinessAppSavings> {
    const result = await this.savings.of(input);
    return {
      month: result.month,
      currency: result.currency,
      messages: result.messages,
      billedMessages: result.billedMessages,
      freeMessages: result.freeMessages,
      unpricedMessages: result.unpricedMessages,
      amount: toDecimalString(result.amount),
      byMarket: result.byMarket.map((line) => ({
        market: line.market,
        messages: line.messages,
        billedMessages: line.billedMessages,
        unpricedMessages: line.unpricedMessages,
        amount: toDecimalString(line.amount),
      })),
    };
  }
}
