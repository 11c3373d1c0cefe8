import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';

@ObjectType()
export class BusinessAppSavingsMarket {
  @Field(() => String, { nullable: true, description: 'Null when the market is unknown.' })
  market!: string | null;

  @Field(() => Int)
  messages!: number;

  @Field(() => Int)
  billedMessages!: number;

  @Field(() => Int)
  unpricedMessages!: number;

  @Field(() => DecimalScalar, { description: 'Exact, unrounded.' })
  amount!: string;
}

@ObjectType({
  description:
    "What the messages sent from the WhatsApp Business app saved in a month: the Cloud API's price for them as service replies inside the customer service window, at the card in force on each day, after the number's free service replies left by its Cloud API replies.",
})
export class BusinessAppSavings {
  @Field()
  month!: string;

  @Field()
  currency!: string;

  @Field(() => Int, { description: 'Messages sent from the Business app.' })
  messages!: number;

  @Field(() => Int, { description: 'Of them, those the Cloud API would have billed (priced).' })
  billedMessages!: number;

  @Field(() => Int, {
    description:
      'Those the Cloud API would have sent free: before service replies were charged (2026-10-01) or within the free allowance.',
  })
  freeMessages!: number;

  @Field(() => Int, {
    description: 'Those the Cloud API would have billed, but the card has no service rate for.',
  })
  unpricedMessages!: number;

  @Field(() => DecimalScalar, { description: 'The saving: exact, unrounded.' })
  amount!: string;

  @Field(() => [BusinessAppSavingsMarket])
  byMarket!: BusinessAppSavingsMarket[];
}
