import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { ChargeReason, PricingCategory } from '../../../common/graphql/enums';

@ObjectType()
export class StatementLine {
  @Field()
  market!: string;

  @Field(() => PricingCategory)
  pricingCategory!: PricingCategory;

  @Field(() => String, { nullable: true, description: 'Volume tier band, e.g. "0:750000".' })
  tier!: string | null;

  @Field(() => Int)
  quantity!: number;

  @Field(() => DecimalScalar)
  rate!: string;

  @Field(() => DecimalScalar, { description: 'quantity × rate, exactly.' })
  amount!: string;
}

@ObjectType()
export class FreeLine {
  @Field(() => ChargeReason)
  reason!: ChargeReason;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType({ description: 'Unpriced (NO_RATE) messages of one market and pricing category.' })
export class UnpricedLine {
  @Field()
  market!: string;

  @Field(() => PricingCategory)
  pricingCategory!: PricingCategory;

  @Field(() => Int)
  quantity!: number;
}

@ObjectType({ description: 'A month of one WABA (or portfolio) in one currency, like an invoice.' })
export class Statement {
  @Field({
    description:
      'Stable statement number of the WABA (or portfolio), month and currency: ST-W-<wabaId>-<YYYY-MM>-<CUR> or ST-P-<portfolioId>-<YYYY-MM>-<CUR>.',
  })
  number!: string;

  @Field({ description: 'When this statement was computed.' })
  issuedAt!: Date;

  @Field()
  month!: string;

  @Field()
  currency!: string;

  @Field(() => String, { nullable: true })
  wabaId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The WABA's name (null when unnamed, and for a portfolio).",
  })
  wabaName!: string | null;

  @Field()
  portfolioId!: string;

  @Field(() => String, { nullable: true, description: "The portfolio's name; null when unnamed." })
  portfolioName!: string | null;

  @Field(() => [String], { description: 'The WABAs the statement covers.' })
  wabaIds!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'The WABA timezone the month is counted in; null for a portfolio.',
  })
  timezone!: string | null;

  @Field(() => [String], { description: 'Names of the rate cards the billed lines used.' })
  rateCards!: string[];

  @Field(() => [StatementLine], { description: 'Sorted by market, pricing category, tier.' })
  lines!: StatementLine[];

  @Field(() => [FreeLine])
  free!: FreeLine[];

  @Field(() => Int)
  billedMessages!: number;

  @Field(() => Int, { description: 'Sent, not yet delivered: provisional, not in the total.' })
  pendingMessages!: number;

  @Field(() => Int, {
    description:
      'NO_RATE: billable but no rate in the card in force; not in the total. Equals the quantities of `unpriced` plus `unpricedUnclassifiedMessages`.',
  })
  unpricedMessages!: number;

  @Field(() => [UnpricedLine], {
    description:
      'NO_RATE messages whose market and pricing category are known, by market and category (sorted by market, then category).',
  })
  unpriced!: UnpricedLine[];

  @Field(() => Int, {
    description:
      'NO_RATE messages whose market or pricing category is unknown (e.g. a template whose category was never recorded); not in `unpriced`.',
  })
  unpricedUnclassifiedMessages!: number;

  @Field(() => Int)
  notDeliveredMessages!: number;

  @Field(() => Int, { description: 'REJECTED_OUTSIDE_WINDOW (error 131047).' })
  rejectedMessages!: number;

  @Field(() => DecimalScalar, { description: 'Exact sum of the line amounts.' })
  exactTotal!: string;

  @Field(() => DecimalScalar, {
    description: "exactTotal rounded half-up to the currency's minor unit (2 decimals for USD).",
  })
  total!: string;
}
