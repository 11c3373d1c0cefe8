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

  @Field(() => [String], { nullable: true })
  phoneNumberIds?: string[];

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
