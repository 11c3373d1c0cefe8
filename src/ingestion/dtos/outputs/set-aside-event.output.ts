import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoOutput } from '../../../common/graphql/page-info.output';

/** The values are the ones stored in raw_events.source. */
export enum RawEventSource {
  WEBHOOK = 'webhook',
  IMPORT = 'import',
}
registerEnumType(RawEventSource, {
  name: 'RawEventSource',
  description: 'WEBHOOK: posted to /webhooks/whatsapp. IMPORT: a line of npm run import.',
});

export enum ReplayOutcome {
  APPLIED = 'APPLIED',
  FAILED = 'FAILED',
}
registerEnumType(ReplayOutcome, {
  name: 'ReplayOutcome',
  description:
    'APPLIED: the body is applied and its messages re-rated. FAILED: it failed again and stays set aside with its new error.',
});

@ObjectType('SetAsideEvent', {
  description:
    'A logged webhook body the queue set aside after every attempt of its retry schedule (or one an operator discarded).',
})
export class SetAsideEventOutput {
  @Field(() => ID, { description: 'The raw event id, to replay or discard it.' })
  id!: string;

  @Field()
  receivedAt!: Date;

  @Field(() => RawEventSource)
  source!: RawEventSource;

  @Field()
  bodySha256!: string;

  @Field({ description: 'The body as received.' })
  body!: string;

  @Field(() => Int, { description: 'Failed attempts so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  setAsideAt!: Date | null;

  @Field(() => Date, { nullable: true })
  discardedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The API key (or command line) that discarded it.',
  })
  discardedBy!: string | null;

  @Field(() => String, { nullable: true })
  discardReason!: string | null;
}

@ObjectType('SetAsideEventEdge')
export class SetAsideEventEdgeOutput {
  @Field()
  cursor!: string;

  @Field(() => SetAsideEventOutput)
  node!: SetAsideEventOutput;
}

@ObjectType('SetAsideEventConnection')
export class SetAsideEventConnectionOutput {
  @Field(() => [SetAsideEventEdgeOutput])
  edges!: SetAsideEventEdgeOutput[];

  @Field(() => PageInfoOutput)
  pageInfo!: PageInfoOutput;

  @Field(() => Int, { description: 'All the bodies listed this way, not only this page.' })
  totalCount!: number;
}

@ObjectType('ReplayedEvent')
export class ReplayedEventOutput {
  @Field(() => ID)
  id!: string;

  @Field(() => ReplayOutcome)
  outcome!: ReplayOutcome;

  @Field(() => String, { nullable: true, description: 'Why it failed again.' })
  error!: string | null;
}

@ObjectType('ReplayResult')
export class ReplayResultOutput {
  @Field(() => Int)
  applied!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => [ReplayedEventOutput], { description: 'One per body, in arrival order.' })
  results!: ReplayedEventOutput[];
}
