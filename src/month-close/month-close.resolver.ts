import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { MonthClose } from './dtos/outputs/month-close.output';
import { MonthCloseService } from './services/month-close.service';
import { formatMonthCloseToGraphqlDto } from './utils/format-month-close-to-graphql-dto.util';

@Resolver()
export class MonthCloseResolver {
  constructor(private readonly closes: MonthCloseService) {}

  @Query(() => [MonthClose], { description: 'Closed months and their statement revisions.' })
  @RequireRole('finance')
  async monthCloses(
    @Args('wabaId', { type: () => String, nullable: true }) wabaId: string | null,
    @Args('month', { type: () => String, nullable: true }) month: string | null,
  ): Promise<MonthClose[]> {
    const closes = await this.closes.list(wabaId ?? null, month ?? null);
    return Promise.all(
      closes.map(async (close) =>
        formatMonthCloseToGraphqlDto(
          close,
          await this.closes.revisionsOf(close.wabaId, close.month),
        ),
      ),
    );
  }

  @Mutation(() => MonthClose, {
    description:
      'Closes an ended month of a WABA now (re-rate, statement documents, notifications) if not closed yet; else issues a new revision if its figures changed.',
  })
  @RequireRole('operator')
  async closeMonth(
    @Args('wabaId') wabaId: string,
    @Args('month') month: string,
  ): Promise<MonthClose> {
    const close = await this.closes.closeMonth(wabaId, month);
    return formatMonthCloseToGraphqlDto(
      close,
      await this.closes.revisionsOf(close.wabaId, close.month),
    );
  }
}
