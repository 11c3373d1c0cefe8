import { Field, InputType } from '@nestjs/graphql';
import { ChargeReason, MessageOrigin, PricingCategory } from '../../../common/graphql/enums';

@InputType({
  description:
    'Narrows a report; every list is a set of accepted values (an empty list matches nothing).',
})
export class ReportFilter {
  @Field(() => [String], { nullable: true })
  wabaIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  phoneNumberIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  portfolioIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Rate card market names, e.g. "India".' })
  markets?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166 alpha-2 country codes.' })
  countries?: string[] | null;

  @Field(() => [PricingCategory], { nullable: true })
  pricingCategories?: PricingCategory[] | null;

  @Field(() => [MessageOrigin], { nullable: true })
  origins?: MessageOrigin[] | null;

  @Field(() => [ChargeReason], { nullable: true })
  reasons?: ChargeReason[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Months (YYYY-MM) in each WABA timezone, the way statements count them. With from/to wide enough (e.g. the UTC month ± 1 day) this reports exactly a statement month.',
  })
  months?: string[] | null;
}
