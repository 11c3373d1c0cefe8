import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { PricingCategory } from '../../../common/graphql/enums';

@ObjectType('QuoteBand')
export class QuoteBandOutput {
  @Field()
  tier!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => DecimalScalar)
  rate!: string;

  @Field(() => DecimalScalar)
  amount!: string;
}

@ObjectType('Quote')
export class QuoteOutput {
  @Field()
  market!: string;

  @Field(() => String, { nullable: true })
  country!: string | null;

  @Field(() => PricingCategory)
  pricingCategory!: PricingCategory;

  @Field()
  currency!: string;

  @Field()
  priced!: boolean;

  @Field(() => DecimalScalar, { nullable: true, description: 'Rate of the first quoted message' })
  rate!: string | null;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field(() => [QuoteBandOutput])
  bands!: QuoteBandOutput[];

  @Field(() => String, { nullable: true })
  rateCardName!: string | null;

  @Field()
  explanation!: string;
}
