import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { MAX_RATE_CARD_CSV_LENGTH } from '../../../pricing/rate-cards/meta-csv.util';
import { InputLimit } from '../../../common/graphql/input-limits.util';
import { MAX_VOLUMES } from '../../utils/validate-scenario.util';
import { AuthInternationalStartInput } from '../../../accounts/dtos/inputs/waba.input';
import { PricingCategory } from '../../../common/graphql/enums';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';

@InputType({
  description:
    'Messages of one pricing category to one market or country in one month; the window counts say how many of them were sent inside a customer service window or a free entry point window (the rest: outside any window).',
})
export class VolumeInput {
  @Field({
    description:
      'YYYY-MM; decides the regime and the rate card in force (docs/charging-rules.md, "Regimes").',
  })
  month!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Meta\'s market name (e.g. "Rest of Africa"); give market or country.',
  })
  market?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166 alpha-2 recipient country.' })
  country?: string | null;

  @Field(() => PricingCategory)
  pricingCategory!: PricingCategory;

  @Field(() => Int)
  messages!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of the messages, how many were sent inside an open customer service window (default 0; for SERVICE: all those not inside an entry point).',
  })
  insideServiceWindow?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of the messages, how many were sent inside a free entry point window (default 0).',
  })
  insideEntryPoint?: number | null;
}

@InputType({
  description:
    'Traffic (volumes, or recorded traffic) plus prices (a stored card, an inline card, or the card in force) plus options. See docs/simulations.md.',
})
export class ScenarioInput {
  @Field({ description: 'Unique within the simulation; the baseline refers to it.' })
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Start from this saved scenario; fields given here override its own.',
  })
  savedName?: string | null;

  @Field(() => ID, { nullable: true, description: 'A stored rate card, used for every month.' })
  rateCardId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `An inline rate card in Meta's rates CSV layout (needs currency); at most ${MAX_RATE_CARD_CSV_LENGTH} characters.`,
  })
  @InputLimit({ maxLength: MAX_RATE_CARD_CSV_LENGTH })
  ratesCsv?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `Volume tiers of the inline card, in Meta's tiers CSV layout; at most ${MAX_RATE_CARD_CSV_LENGTH} characters.`,
  })
  @InputLimit({ maxLength: MAX_RATE_CARD_CSV_LENGTH })
  volumeTiersCsv?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Currency of the card in force (default USD for volumes, the WABA currency for recorded traffic).',
  })
  currency?: string | null;

  @Field(() => [VolumeInput], { nullable: true, description: `At most ${MAX_VOLUMES} volumes.` })
  @InputLimit({ maxItems: MAX_VOLUMES })
  volumes?: VolumeInput[] | null;

  @Field(() => String, { nullable: true, description: 'Recorded traffic of this WABA.' })
  fromWabaId?: string | null;

  @Field(() => String, { nullable: true, description: 'Recorded traffic of this portfolio.' })
  fromPortfolioId?: string | null;

  @Field(() => String, { nullable: true, description: 'First month of recorded traffic, YYYY-MM.' })
  fromMonth?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Last month of recorded traffic, YYYY-MM (default fromMonth).',
  })
  toMonth?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Growth per month, compounded, from the first month of the volumes; counts rounded half-up.',
  })
  growthPercent?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Share (0-100) of Cloud API non-template replies inside the service window sent from the Business app instead (free).',
  })
  movedToAppPercent?: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Share (0-100) of marketing messages sent inside free entry point windows instead.',
  })
  marketingInsideEntryPointPercent?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'YYYY-MM-DD: price every volume as if delivered that day (regime, market map and card in force); counters stay per month.',
  })
  regimeDate?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Phone numbers sharing the traffic (free service allowance each; default 1).',
  })
  phoneNumbers?: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Free service replies per phone number per month from 2026-10-01 (default 1000, unconfirmed by Meta).',
  })
  freeServiceAllowance?: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The business's primary country (ISO alpha-2), for authentication-international.",
  })
  primaryBusinessCountry?: string | null;

  @Field(() => [AuthInternationalStartInput], { nullable: true })
  authInternationalStarts?: AuthInternationalStartInput[] | null;
}

@InputType()
export class SimulationInput {
  @Field(() => [ScenarioInput])
  scenarios!: ScenarioInput[];

  @Field(() => String, {
    nullable: true,
    description: 'Name of the scenario the others are compared with (deltaFromBaseline).',
  })
  baseline?: string | null;
}

@InputType()
export class ForecastInput {
  @Field()
  wabaId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Complete months of history to average (default 3).',
  })
  months?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM to forecast (default: next month in the WABA timezone).',
  })
  targetMonth?: string | null;
}
