import { Args, Query, Mutation, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import { QuoteInput, RepriceInput } from './dtos/inputs/reprice.input';
import { QuoteOutput, RepriceResultOutput } from './dtos/outputs/reprice.output';
import { ChargingService } from './services/charging.service';
import { QuoteService } from './services/quote.service';

@Resolver()
export class ChargingResolver {
  constructor(
    private readonly charging: ChargingService,
    private readonly quotes: QuoteService,
  ) {}

  @Mutation(() => RepriceResultOutput)
  @RequireRole('operator')
  async reprice(@Args('input') input: RepriceInput): Promise<RepriceResultOutput> {
    if (input.to.getTime() <= input.from.getTime())
      throw new DomainError('BAD_USER_INPUT', 'to must be after from');
    const messages = await this.charging.repriceRange({
      wabaIds: input.wabaIds?.length ? input.wabaIds : null,
      from: input.from,
      to: input.to,
    });
    return { messages };
  }

  @Query(() => QuoteOutput)
  @RequireRole('finance')
  quote(@Args('input') input: QuoteInput): Promise<QuoteOutput> {
    return this.quotes.quote(input);
  }
}
