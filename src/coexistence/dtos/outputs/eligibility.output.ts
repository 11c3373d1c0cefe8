import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { FindingCode } from '../../enums/finding-code.enum';
import { FindingSeverity } from '../../enums/finding-severity.enum';

@ObjectType({ description: 'One coexistence rule that applies to the number.' })
export class Finding {
  @Field(() => FindingCode)
  code!: FindingCode;

  @Field(() => FindingSeverity)
  severity!: FindingSeverity;

  @Field({ description: 'Plain-language explanation naming its source.' })
  message!: string;

  @Field(() => [String], { description: 'Documents the rule comes from.' })
  sources!: string[];
}

@ObjectType({ description: 'Whether a number can be onboarded to coexistence, and at what cost.' })
export class Eligibility {
  @Field({ description: 'True when there are no blockers.' })
  eligible!: boolean;

  @Field(() => [Finding])
  blockers!: Finding[];

  @Field(() => [Finding])
  warnings!: Finding[];

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of the number.' })
  country!: string | null;

  @Field(() => DateTimeScalar, { description: 'Date the rules were evaluated at.' })
  asOf!: Date;

  @Field(() => Int, { description: 'Messages per second on a coexistence number.' })
  throughputCoexistence!: number;

  @Field(() => Int, { description: 'Default messages per second on a standard Cloud API number.' })
  throughputStandard!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Minimum minutes to send the campaign at the coexistence cap, rounded up to 2 decimals.',
  })
  campaignMinutesAtCoexistence!: string | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      'Minimum minutes to send the campaign at the standard rate, rounded up to 2 decimals.',
  })
  campaignMinutesStandard!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Null without a campaign window.' })
  campaignFitsWindowAtCoexistence!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Null without a campaign window.' })
  campaignFitsWindowStandard!: boolean | null;
}
