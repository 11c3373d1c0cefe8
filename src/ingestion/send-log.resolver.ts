import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { ArgumentLimits } from '../common/graphql/input-limits.util';
import { RequireRole } from '../common/auth/roles.decorator';
import { SentMessageInput } from './dtos/inputs/sent-message.input';
import { IngestResultOutput } from './dtos/outputs/ingest-result.output';
import { SendLogService } from './services/send-log.service';

/** Send records per recordSentMessages call. */
export const MAX_SENT_MESSAGES = 10_000;

@Resolver()
export class SendLogResolver {
  constructor(private readonly sendLog: SendLogService) {}

  @Mutation(() => IngestResultOutput, {
    description: `The send log: which template and category each wamid was. Merges with status webhooks in any order. At most ${MAX_SENT_MESSAGES} records per call.`,
  })
  @ArgumentLimits({ input: { maxItems: MAX_SENT_MESSAGES } })
  @RequireRole('operator')
  recordSentMessages(
    @Args('input', { type: () => [SentMessageInput] }) input: SentMessageInput[],
  ): Promise<IngestResultOutput> {
    return this.sendLog.record(input, 'incremental').then((result) => result.summary);
  }
}
