import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { PageInfoOutput } from '../../../common/graphql/page-info.output';
import {
  ChargeReason,
  ChargeSource,
  Direction,
  MessageOrigin,
  PricingCategory,
  SendApi,
  TemplateCategory,
} from '../../../common/graphql/enums';
import { MessageStatus } from '../../enums/message-status.enum';

@ObjectType('Charge')
export class ChargeOutput {
  @Field()
  billable!: boolean;

  @Field(() => ChargeReason)
  reason!: ChargeReason;

  @Field(() => PricingCategory, { nullable: true })
  pricingCategory!: PricingCategory | null;

  @Field(() => String, { nullable: true })
  market!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  rate!: string | null;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field()
  currency!: string;

  @Field(() => String, { nullable: true, description: "Volume tier band, Meta's style: 0:750000" })
  tier!: string | null;

  @Field(() => String, { nullable: true })
  rateCardId!: string | null;

  @Field(() => ChargeSource)
  source!: ChargeSource;

  @Field()
  explanation!: string;

  @Field({ description: "The engine's own verdict, kept even when Meta's pricing decided" })
  estimateBillable!: boolean;

  @Field(() => ChargeReason)
  estimateReason!: ChargeReason;

  @Field(() => PricingCategory, { nullable: true })
  estimatePricingCategory!: PricingCategory | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM in the WABA timezone' })
  month!: string | null;
}

@ObjectType('Message')
export class MessageOutput {
  @Field()
  wamid!: string;

  @Field()
  phoneNumberId!: string;

  @Field()
  wabaId!: string;

  @Field(() => Direction)
  direction!: Direction;

  @Field(() => MessageOrigin)
  origin!: MessageOrigin;

  @Field({
    description:
      "The conversation's other side: the customer's phone number (digits), else their business-scoped user id while no phone number is known; for a group message, the group id",
  })
  contact!: string;

  @Field(() => String, {
    nullable: true,
    description: "The customer's business-scoped user id (BSUID), when Meta named one",
  })
  contactUserId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "ISO 3166 alpha-2 from Meta's contacts[].profile.country_code",
  })
  contactCountry!: string | null;

  @Field(() => String, { nullable: true, description: 'The group of a Groups API message' })
  groupId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "A group delivery's participant (phone number, else BSUID); each participant reached is a message and a charge of its own, its wamid the group message's wamid, '~' and the participant",
  })
  participant!: string | null;

  @Field(() => String, { nullable: true })
  messageType!: string | null;

  @Field(() => String, { nullable: true })
  templateName!: string | null;

  @Field(() => String, { nullable: true })
  templateLanguage!: string | null;

  @Field(() => TemplateCategory, { nullable: true })
  templateCategory!: TemplateCategory | null;

  @Field(() => SendApi, { nullable: true })
  api!: SendApi | null;

  @Field(() => String, { nullable: true })
  referralSourceType!: string | null;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field(() => Date, { nullable: true })
  failedAt!: Date | null;

  @Field(() => MessageStatus)
  status!: MessageStatus;

  @Field(() => Int, { nullable: true })
  errorCode!: number | null;

  @Field(() => String, { nullable: true, description: "Meta's pricing.type from status webhooks" })
  metaPricingType!: string | null;

  @Field(() => String, { nullable: true })
  metaPricingCategory!: string | null;

  @Field(() => ChargeOutput)
  charge!: ChargeOutput;
}

@ObjectType('MessageEdge')
export class MessageEdgeOutput {
  @Field()
  cursor!: string;

  @Field(() => MessageOutput)
  node!: MessageOutput;
}

@ObjectType('MessageConnection')
export class MessageConnectionOutput {
  @Field(() => [MessageEdgeOutput])
  edges!: MessageEdgeOutput[];

  @Field(() => PageInfoOutput)
  pageInfo!: PageInfoOutput;
}
