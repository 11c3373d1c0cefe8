import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { MessageFilter } from './dtos/inputs/message-filter.input';
import { MessageConnectionOutput, MessageOutput } from './dtos/outputs/message.output';
import {
  encodeCursor,
  MAX_PAGE_SIZE,
  MessagesQueryService,
} from './services/messages-query.service';
import { formatMessageToGraphql } from './utils/format-message-to-graphql.util';

@Resolver()
@RequireRole('finance')
export class MessagesResolver {
  constructor(private readonly query: MessagesQueryService) {}

  @Query(() => MessageOutput, { nullable: true })
  async message(@Args('wamid') wamid: string): Promise<MessageOutput | null> {
    const found = await this.query.findByWamid(wamid);
    return found ? formatMessageToGraphql(found) : null;
  }

  @Query(() => MessageConnectionOutput)
  async messages(
    @Args('filter', { nullable: true }) filter?: MessageFilter,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: 50,
      description: `Messages per page, 1 to ${MAX_PAGE_SIZE}.`,
    })
    first = 50,
    @Args('after', {
      type: () => String,
      nullable: true,
      description:
        'endCursor of the previous page (or an edge cursor); absent or null: the first page.',
    })
    after?: string | null,
  ): Promise<MessageConnectionOutput> {
    const page = await this.query.page(filter, first ?? 50, after);
    return {
      edges: page.rows.map((row) => ({
        cursor: encodeCursor(row.id),
        node: formatMessageToGraphql(row),
      })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    };
  }
}
