import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JobOutput } from '../../../jobs/dtos/outputs/job.output';

export enum AccessTokenStatusEnum {
  ACTIVE = 'ACTIVE',
  REJECTED = 'REJECTED',
}

registerEnumType(AccessTokenStatusEnum, {
  name: 'AccessTokenStatus',
  description:
    'ACTIVE: in use. REJECTED: Meta refused it (expired or revoked); set a new one with upsertWaba.',
});

@ObjectType('AuthInternationalStart')
export class AuthInternationalStartOutput {
  @Field()
  country!: string;

  @Field()
  startsAt!: Date;
}

@ObjectType('Waba')
export class WabaOutput {
  @Field()
  wabaId!: string;

  @Field(() => String, { nullable: true, description: 'Display name; null when unnamed.' })
  name!: string | null;

  @Field()
  portfolioId!: string;

  @Field()
  timezone!: string;

  @Field()
  currency!: string;

  @Field(() => String, { nullable: true })
  primaryBusinessCountry!: string | null;

  @Field(() => [AuthInternationalStartOutput])
  authInternationalStarts!: AuthInternationalStartOutput[];

  @Field(() => Int)
  freeServiceAllowance!: number;

  @Field({
    description: 'Whether a Graph API access token is stored (the token is never returned).',
  })
  hasAccessToken!: boolean;

  @Field(() => AccessTokenStatusEnum, { nullable: true, description: 'Null without a token.' })
  accessTokenStatus!: AccessTokenStatusEnum | null;

  @Field(() => String, { nullable: true, description: "Meta's answer when it refused the token." })
  accessTokenError!: string | null;

  @Field(() => JobOutput, {
    nullable: true,
    description:
      "The re-rate of this WABA's messages (set by upsertWaba; null when the edit changed nothing they are priced by)",
  })
  repriceJob?: JobOutput | null;
}

@ObjectType('PhoneNumber')
export class PhoneNumberOutput {
  @Field()
  phoneNumberId!: string;

  @Field()
  wabaId!: string;

  @Field(() => String, { nullable: true })
  displayPhoneNumber!: string | null;

  @Field()
  coexistence!: boolean;

  @Field(() => Date, { nullable: true })
  onboardedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  offboardedAt!: Date | null;

  @Field(() => JobOutput, {
    nullable: true,
    description:
      "The re-rate of the messages of the number's old and new WABA (set by upsertPhoneNumber; null unless the number moved to another WABA)",
  })
  repriceJob?: JobOutput | null;
}

@ObjectType('Portfolio')
export class PortfolioOutput {
  @Field()
  id!: string;

  @Field(() => String, { nullable: true, description: 'Display name; null when unnamed.' })
  name!: string | null;

  @Field(() => [String])
  wabaIds!: string[];
}
