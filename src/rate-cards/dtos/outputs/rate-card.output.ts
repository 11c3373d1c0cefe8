import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { JobOutput } from '../../../jobs/dtos/outputs/job.output';

@ObjectType('MarketRate')
export class MarketRateOutput {
  @Field()
  market!: string;

  @Field(() => DecimalScalar, { nullable: true })
  marketing!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  utility!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  authentication!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  authenticationInternational!: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  service!: string | null;

  @Field(() => [String], { description: 'Volume tier bands, e.g. "UTILITY 0:750000 @ 0.0034"' })
  tiers!: string[];
}

@ObjectType('RateCard')
export class RateCardOutput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  currency!: string;

  @Field()
  effectiveFrom!: string;

  @Field()
  builtIn!: boolean;

  @Field()
  provenance!: string;

  @Field()
  importedAt!: Date;

  @Field(() => Int)
  importOrder!: number;

  @Field(() => [MarketRateOutput])
  rates!: MarketRateOutput[];

  @Field(() => JobOutput, {
    nullable: true,
    description: 'The re-rate of the messages this card prices (set by importRateCard)',
  })
  repriceJob?: JobOutput | null;
}
