import { Args, Query, Mutation, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import { QuoteInput, RepriceInput } from './dtos/inputs/reprice.input';
import { JobOutput } from '../jobs/dtos/outputs/job.output';
import { formatJobToGraphql } from '../jobs/utils/format-job-to-graphql.util';
import { QuoteOutput } from './dtos/outputs/reprice.output';
import { QuoteService } from './services/quote.service';
import { RepriceJobs } from './services/reprice-jobs.service';

@Resolver()
export class ChargingResolver {
  constructor(
    private readonly repriceJobs: RepriceJobs,
    private readonly quotes: QuoteService,
  ) {}

  @Mutation(() => JobOutput, {
    description:
      'Re-rates whole local months as a job: returns at once; follow it with job(id) (messages re-rated when DONE).',
  })
  @RequireRole('operator')
  async reprice(@Args('input') input: RepriceInput): Promise<JobOutput> {
    if (input.to.getTime() <= input.from.getTime())
      throw new DomainError('BAD_USER_INPUT', 'to must be after from');
    const job = await this.repriceJobs.enqueue('REPRICE', {
      wabaIds: input.wabaIds?.length ? input.wabaIds : null,
      from: input.from.toISOString(),
      to: input.to.toISOString(),
    });
    return formatJobToGraphql(job);
  }

  @Query(() => QuoteOutput)
  @RequireRole('finance')
  quote(@Args('input') input: QuoteInput): Promise<QuoteOutput> {
    return this.quotes.quote(input);
  }
}
