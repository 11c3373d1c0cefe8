import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One attempt to send a notification.' })
export class NotificationAttempt {
  @Field(() => Int)
  attempt!: number;

  @Field()
  attemptedAt!: Date;

  @Field()
  succeeded!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "The callback's HTTP status or the SMTP reply code; null when no answer came.",
  })
  statusCode!: number | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Int)
  durationMs!: number;
}

@ObjectType({ description: 'A notification on one channel, with its delivery log.' })
export class NotificationDelivery {
  @Field(() => Int)
  id!: number;

  @Field({ description: 'The idempotency key (X-Billing-Event-Id), e.g. statement:ST-W-…-R1.' })
  eventKey!: string;

  @Field({ description: 'statement.issued, statement.revised or budget.threshold.' })
  eventType!: string;

  @Field({ description: 'WEBHOOK or EMAIL.' })
  channel!: string;

  @Field({ description: 'PENDING, SENDING, DELIVERED or FAILED (gave up).' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field({ description: 'When a PENDING delivery is tried next.' })
  nextAttemptAt!: Date;

  @Field(() => Int, { nullable: true })
  lastStatusCode!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => [NotificationAttempt])
  log!: NotificationAttempt[];
}
