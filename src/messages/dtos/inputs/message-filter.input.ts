import { Field, InputType } from '@nestjs/graphql';
import { InputLimit } from '../../../common/graphql/input-limits.util';
import {
  ChargeReason,
  ChargeSource,
  Direction,
  MessageOrigin,
  PricingCategory,
} from '../../../common/graphql/enums';

@InputType()
export class MessageFilter {
  @Field(() => [String], { nullable: true })
  wabaIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Messages of the WABAs of these portfolios (business portfolios).',
  })
  portfolioIds?: string[];

  @Field(() => [String], { nullable: true })
  phoneNumberIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: "Local months of the charge (YYYY-MM, each WABA's timezone), as statements use.",
  })
  months?: string[];

  @Field(() => [String], {
    nullable: true,
    description: "Local days of the charge (YYYY-MM-DD, each WABA's timezone).",
  })
  days?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Pricing markets of the charge, as rate cards name them ("North America").',
  })
  markets?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Recipient countries of the charge (ISO 3166 alpha-2).',
  })
  countries?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Volume-tier bands of the charge ("0:750000", "750001:15000000").',
  })
  tiers?: string[];

  @Field(() => [String], { nullable: true, description: 'Currencies of the charge (ISO 4217).' })
  currencies?: string[];

  @Field({
    nullable: true,
    description:
      "The customer by phone number (digits; '+', spaces and dashes are ignored) or by business-scoped user id; a group participant by phone number; at most 256 characters",
  })
  @InputLimit({ maxLength: 256 })
  contact?: string;

  @Field({
    nullable: true,
    description: 'The deliveries and messages of one group; at most 256 characters',
  })
  @InputLimit({ maxLength: 256 })
  groupId?: string;

  @Field(() => Direction, { nullable: true })
  direction?: Direction;

  @Field(() => [MessageOrigin], { nullable: true })
  origins?: MessageOrigin[];

  @Field(() => [ChargeReason], { nullable: true })
  reasons?: ChargeReason[];

  @Field(() => [PricingCategory], { nullable: true })
  pricingCategories?: PricingCategory[];

  @Field(() => ChargeSource, { nullable: true })
  source?: ChargeSource;

  @Field({ nullable: true, description: 'Charge instant (delivery, else send) from, inclusive' })
  from?: Date;

  @Field({ nullable: true, description: 'Charge instant to, exclusive' })
  to?: Date;
}
