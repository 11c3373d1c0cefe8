import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PricingCategory } from '../../../common/graphql/enums';
import { RateCardOutput } from './rate-card.output';

@ObjectType('UnpricedRate')
export class UnpricedRateOutput {
  @Field()
  market!: string;

  @Field(() => PricingCategory)
  pricingCategory!: PricingCategory;
}

@ObjectType('RateCardCoverage', {
  description:
    'What the card in force leaves unpriced (NO_RATE): every market of the market map on the date × the categories Meta bills there (marketing, utility, authentication; authentication-international where Meta has such a rate; service from 2026-10-01, priced by the service or else the utility column).',
})
export class RateCardCoverageOutput {
  @Field(() => RateCardOutput, {
    nullable: true,
    description: 'The card in force for the currency on the date; null when none is',
  })
  rateCard!: RateCardOutput | null;

  @Field(() => Int, { description: 'Markets whose every billed category the card prices' })
  pricedMarkets!: number;

  @Field(() => [UnpricedRateOutput])
  unpriced!: UnpricedRateOutput[];
}
