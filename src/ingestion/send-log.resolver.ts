import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { SentMessageInput } from './dtos/inputs/sent-message.input';
import { IngestResultOutput } from './dtos/outputs/ingest-result.output';
import { SendLogService } from './services/send-log.service';

@Resolver()
export class SendLogResolver {
  constructor(private readonly sendLog: SendLogService) {}

  @Mutation(() => IngestResultOutput, {
    description:
      'The send log: which template and category each wamid was. Merges with status webhooks in any order.',
  })
  @RequireRole('operator')
  recordSentMessages(
    @Args('input', { type: () => [SentMessageInput] }) input: SentMessageInput[],
  ): Promise<IngestResultOutput> {
    return this.sendLog.record(input, 'incremental').then((result) => result.summary);
  }
}
