import { Field, InputType, Int } from '@nestjs/graphql';
import { PricingCategory } from '../../../common/graphql/enums';

@InputType()
export class RepriceInput {
  @Field({ description: 'Whole local months touching [from, to) are re-rated' })
  from!: Date;

  @Field()
  to!: Date;

  @Field(() => [String], { nullable: true, description: 'Only these WABAs (default: all)' })
  wabaIds?: string[];
}

@InputType()
export class QuoteInput {
  @Field({ nullable: true, description: 'ISO 3166 alpha-2; or give phoneNumber' })
  country?: string;

  @Field({ nullable: true, description: "Recipient's number; its calling code decides the market" })
  phoneNumber?: string;

  @Field(() => PricingCategory)
  pricingCategory!: PricingCategory;

  @Field({ nullable: true, description: 'Delivery date YYYY-MM-DD (default today, UTC)' })
  date?: string;

  @Field({ nullable: true, defaultValue: 'USD' })
  currency?: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 0,
    description: 'Billed messages of this market and category family already sent this month',
  })
  monthlyVolumeSoFar?: number;

  @Field(() => Int, { nullable: true, defaultValue: 1 })
  messages?: number;
}
