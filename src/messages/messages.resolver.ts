import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { toConnection } from '../common/graphql/connection.util';
import { AfterArg, FirstArg } from '../common/graphql/page-args.decorator';
import { MessageFilter } from './dtos/inputs/message-filter.input';
import { MessageConnectionOutput, MessageOutput } from './dtos/outputs/message.output';
import { encodeMessageCursor, MessagesQueryService } from './services/messages-query.service';
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

  @Query(() => MessageConnectionOutput, {
    description: 'Stored messages in the order they were first recorded.',
  })
  async messages(
    @Args('filter', { nullable: true }) filter?: MessageFilter,
    @FirstArg('Messages')
    first?: number | null,
    @AfterArg('the first page')
    after?: string | null,
  ): Promise<MessageConnectionOutput> {
    const page = await this.query.page(filter, first, after);
    return toConnection(
      page.rows,
      page.hasNextPage,
      (row) => encodeMessageCursor(row.id),
      formatMessageToGraphql,
    );
  }
}
