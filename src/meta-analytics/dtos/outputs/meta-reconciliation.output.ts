import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { MetaReconciliationCause } from '../../enums/meta-reconciliation-cause.enum';

@ObjectType({
  description:
    "Meta's pricing_analytics and our charges for one WABA × local day × country × pricing category × pricing type × tier where they differ.",
})
export class MetaReconciliationLine {
  @Field({ description: "The WABA's local day (YYYY-MM-DD)." })
  day!: string;

  @Field()
  wabaId!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166 alpha-2.' })
  country!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Meta's pricing category as Meta names it (its analytics may add values); free entry point lines are REFERRAL_CONVERSION whatever either side calls them.",
  })
  pricingCategory!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Meta's pricing type as Meta names it (its analytics may add values): REGULAR, FREE_CUSTOMER_SERVICE, FREE_ENTRY_POINT or FREE_GROUP_CUSTOMER_SERVICE today.",
  })
  pricingType!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Tier band for REGULAR lines (0:MAX outside a ladder); null for free lines.',
  })
  tier!: string | null;

  @Field(() => Int)
  metaVolume!: number;

  @Field(() => Int)
  ourVolume!: number;

  @Field(() => DecimalScalar, { description: "Meta's approximate cost, in the WABA's currency." })
  metaCost!: string;

  @Field(() => DecimalScalar)
  ourCost!: string;

  @Field(() => MetaReconciliationCause, { nullable: true, description: 'The likeliest cause.' })
  cause!: MetaReconciliationCause | null;

  @Field({ description: "True when the line differs only within Meta's rounding of its cost." })
  withinRounding!: boolean;

  @Field(() => String, { nullable: true, description: 'The cause in a sentence.' })
  explanation!: string | null;
}

@ObjectType({ description: "Meta's own analytics beside our charges for a month." })
export class MetaReconciliation {
  @Field()
  month!: string;

  @Field()
  currency!: string;

  @Field(() => [String])
  wabaIds!: string[];

  @Field(() => Int)
  metaVolume!: number;

  @Field(() => Int)
  ourVolume!: number;

  @Field(() => DecimalScalar)
  metaCost!: string;

  @Field(() => DecimalScalar)
  ourCost!: string;

  @Field(() => [MetaReconciliationLine], {
    description:
      'Only the keys where Meta and we differ, by day, WABA, country, category, type, tier.',
  })
  lines!: MetaReconciliationLine[];
}
