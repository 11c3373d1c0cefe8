import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { ChargeReason, MessageOrigin, PricingCategory } from '../../../common/graphql/enums';

@ObjectType({ description: 'Counts and the exact amount of one currency, across the report.' })
export class CostTotal {
  @Field()
  currency!: string;

  @Field(() => Int)
  messages!: number;

  @Field(() => Int, { description: 'Messages whose charge is billable (NO_RATE ones included).' })
  billableMessages!: number;

  @Field(() => Int, { description: 'Messages with a FREE_* reason.' })
  freeMessages!: number;

  @Field(() => DecimalScalar, { description: 'Exact sum of the charges, never rounded.' })
  amount!: string;
}

@ObjectType({ description: 'One group; the dimensions not grouped by are null.' })
export class CostReportRow extends CostTotal {
  @Field(() => String, { nullable: true })
  month!: string | null;

  @Field(() => String, { nullable: true })
  day!: string | null;

  @Field(() => String, { nullable: true })
  portfolioId!: string | null;

  @Field(() => String, { nullable: true })
  wabaId!: string | null;

  @Field(() => String, { nullable: true })
  phoneNumberId!: string | null;

  @Field(() => String, { nullable: true })
  market!: string | null;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => PricingCategory, { nullable: true })
  pricingCategory!: PricingCategory | null;

  @Field(() => MessageOrigin, { nullable: true })
  origin!: MessageOrigin | null;

  @Field(() => ChargeReason, { nullable: true })
  reason!: ChargeReason | null;

  @Field(() => String, { nullable: true })
  tier!: string | null;
}

@ObjectType()
export class CostReport {
  @Field(() => [CostReportRow], {
    description: 'Sorted by the groupBy dimensions in order, then currency (nulls last).',
  })
  rows!: CostReportRow[];

  @Field(() => [CostTotal], { description: 'One per currency.' })
  totals!: CostTotal[];
}
