import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';
import { ChargeReason, PricingCategory } from '../../../common/graphql/enums';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';

@ObjectType({ description: 'Messages of a line, a scenario or a forecast by charge reason.' })
export class SimulationReasonCount {
  @Field(() => ChargeReason)
  reason!: ChargeReason;

  @Field(() => Int)
  messages!: number;
}

@ObjectType({ description: 'Billed messages of a line at one rate in one volume-tier band.' })
export class SimulationBand {
  @Field({ description: 'Meta\'s tier label ("0:750000"); empty for untiered rates.' })
  tier!: string;

  @Field(() => DecimalScalar)
  rate!: string;

  @Field(() => Int)
  messages!: number;

  @Field(() => DecimalScalar, { description: 'messages × rate, exact.' })
  amount!: string;
}

@ObjectType()
export class SimulationLine {
  @Field()
  month!: string;

  @Field()
  market!: string;

  @Field(() => PricingCategory)
  pricingCategory!: PricingCategory;

  @Field(() => Int)
  messages!: number;

  @Field(() => Int, { description: 'Billed, plus billable without a rate (NO_RATE).' })
  billableMessages!: number;

  @Field(() => Int)
  freeMessages!: number;

  @Field(() => Int, { description: 'Billable messages the card has no rate for (not in amount).' })
  unpricedMessages!: number;

  @Field(() => Int, { description: 'Neither billed nor free: rejected, not delivered, pending.' })
  otherMessages!: number;

  @Field(() => DecimalScalar, { description: 'Exact, unrounded.' })
  amount!: string;

  @Field(() => [String], { nullable: true, description: 'Volume-tier bands reached.' })
  tiers!: string[] | null;

  @Field(() => [SimulationBand])
  bands!: SimulationBand[];

  @Field(() => [SimulationReasonCount])
  reasons!: SimulationReasonCount[];
}

@ObjectType()
export class SimulationTotal {
  @Field()
  currency!: string;

  @Field(() => Int)
  messages!: number;

  @Field(() => Int)
  billableMessages!: number;

  @Field(() => DecimalScalar, { description: 'Exact sum of the line amounts.' })
  total!: string;

  @Field(() => DecimalScalar, { description: 'total rounded half-up to the minor unit.' })
  roundedTotal!: string;
}

@ObjectType()
export class ScenarioResult {
  @Field()
  name!: string;

  @Field()
  currency!: string;

  @Field(() => DecimalScalar, { description: 'Exact sum of the line amounts in currency.' })
  total!: string;

  @Field(() => DecimalScalar, { description: 'total rounded half-up to the minor unit.' })
  roundedTotal!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'total − the baseline scenario total (exact; null without a baseline).',
  })
  deltaFromBaseline!: string | null;

  @Field(() => Int)
  messages!: number;

  @Field(() => Int)
  billableMessages!: number;

  @Field(() => Int)
  freeMessages!: number;

  @Field(() => Int)
  unpricedMessages!: number;

  @Field(() => [SimulationLine])
  lines!: SimulationLine[];

  @Field(() => [SimulationReasonCount], {
    description: 'Messages without a pricing category (inbound, Business app echoes) by reason.',
  })
  uncategorized!: SimulationReasonCount[];

  @Field(() => [SimulationTotal], { description: 'Totals per currency.' })
  totals!: SimulationTotal[];

  @Field(() => [String], { description: 'Rate cards used.' })
  rateCards!: string[];

  @Field(() => [String])
  assumptions!: string[];
}

@ObjectType()
export class Simulation {
  @Field(() => String, { nullable: true })
  baseline!: string | null;

  @Field(() => [ScenarioResult])
  scenarios!: ScenarioResult[];
}

@ObjectType()
export class SavedScenario {
  @Field()
  name!: string;

  @Field({ description: 'The saved ScenarioInput as JSON.' })
  scenario!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType()
export class ForecastHistoryMonth {
  @Field()
  month!: string;

  @Field(() => Int, { description: 'Sent messages with a pricing category.' })
  messages!: number;

  @Field(() => Int)
  billableMessages!: number;

  @Field(() => DecimalScalar, { description: 'Recomputed with the engine, exact.' })
  total!: string;
}

@ObjectType()
export class Forecast {
  @Field()
  wabaId!: string;

  @Field()
  targetMonth!: string;

  @Field(() => [String])
  historyMonths!: string[];

  @Field()
  currency!: string;

  @Field(() => DecimalScalar)
  total!: string;

  @Field(() => DecimalScalar)
  roundedTotal!: string;

  @Field(() => [SimulationLine])
  lines!: SimulationLine[];

  @Field(() => [ForecastHistoryMonth])
  history!: ForecastHistoryMonth[];

  @Field(() => [String])
  rateCards!: string[];

  @Field(() => [String])
  assumptions!: string[];
}
