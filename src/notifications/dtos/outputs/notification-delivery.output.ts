import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoOutput } from '../../../common/graphql/page-info.output';

export enum NotificationStatusEnum {
  PENDING = 'PENDING',
  SENDING = 'SENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

export enum NotificationChannelEnum {
  WEBHOOK = 'WEBHOOK',
  EMAIL = 'EMAIL',
}

/** The values are the callback's event names (X-Billing-Event), as stored. */
export enum NotificationEventTypeEnum {
  STATEMENT_ISSUED = 'statement.issued',
  STATEMENT_REVISED = 'statement.revised',
  BUDGET_THRESHOLD = 'budget.threshold',
}

registerEnumType(NotificationStatusEnum, {
  name: 'NotificationStatus',
  description:
    'PENDING: waiting for its next attempt. SENDING: an attempt is under way. DELIVERED. FAILED: every attempt failed (NOTIFY_MAX_ATTEMPTS).',
});
registerEnumType(NotificationChannelEnum, {
  name: 'NotificationChannel',
  description: 'WEBHOOK: the signed HTTP callback (NOTIFY_CALLBACK_URL). EMAIL: SMTP.',
});
registerEnumType(NotificationEventTypeEnum, {
  name: 'NotificationEventType',
  description:
    'The event notified; the callback names it in X-Billing-Event as statement.issued, statement.revised or budget.threshold.',
});

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

  @Field(() => NotificationEventTypeEnum)
  eventType!: NotificationEventTypeEnum;

  @Field(() => NotificationChannelEnum)
  channel!: NotificationChannelEnum;

  @Field(() => NotificationStatusEnum)
  status!: NotificationStatusEnum;

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

@ObjectType('NotificationDeliveryEdge')
export class NotificationDeliveryEdge {
  @Field()
  cursor!: string;

  @Field(() => NotificationDelivery)
  node!: NotificationDelivery;
}

@ObjectType('NotificationDeliveryConnection')
export class NotificationDeliveryConnection {
  @Field(() => [NotificationDeliveryEdge])
  edges!: NotificationDeliveryEdge[];

  @Field(() => PageInfoOutput)
  pageInfo!: PageInfoOutput;

  @Field(() => Int, { description: 'Every delivery of the status asked for, not only this page.' })
  totalCount!: number;
}
