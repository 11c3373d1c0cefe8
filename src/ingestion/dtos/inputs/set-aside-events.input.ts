import { Field, ID, InputType } from '@nestjs/graphql';
import { InputLimit } from '../../../common/graphql/input-limits.util';
import { MAX_DISCARD_REASON_LENGTH, MAX_EVENT_IDS } from '../../services/set-aside-events.service';

@InputType({ description: 'Exactly one of ids or all.' })
export class ReplaySetAsideEventsInput {
  @Field(() => [ID], {
    nullable: true,
    description: `The set-aside bodies to replay; at most ${MAX_EVENT_IDS}.`,
  })
  @InputLimit({ maxItems: MAX_EVENT_IDS })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Replay every set-aside body.' })
  all?: boolean | null;
}

@InputType()
export class DiscardSetAsideEventsInput {
  @Field(() => [ID], { description: `The set-aside bodies to discard; at most ${MAX_EVENT_IDS}.` })
  @InputLimit({ maxItems: MAX_EVENT_IDS })
  ids!: string[];

  @Field({
    description: `Why (kept with the bodies, with who and when); at most ${MAX_DISCARD_REASON_LENGTH} characters.`,
  })
  @InputLimit({ maxLength: MAX_DISCARD_REASON_LENGTH })
  reason!: string;
}
