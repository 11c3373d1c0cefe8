import { Field, InputType, Int } from '@nestjs/graphql';
import { InputLimit } from '../../../common/graphql/input-limits.util';

@InputType()
export class AuthInternationalStartInput {
  @Field({ description: 'ISO 3166 alpha-2 country code' })
  country!: string;

  @Field()
  startsAt!: Date;
}

@InputType()
export class WabaInput {
  @Field({ description: 'At most 64 characters.' })
  @InputLimit({ maxLength: 64 })
  wabaId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Display name shown on statements (at most 200 characters); null clears it.',
  })
  name?: string | null;

  @Field({ nullable: true, description: 'At most 64 characters.' })
  @InputLimit({ maxLength: 64 })
  portfolioId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Display name of the WABA's portfolio (the business), after portfolioId applies; at most 200 characters; null clears it.",
  })
  portfolioName?: string | null;

  @Field({
    nullable: true,
    description: 'IANA timezone, e.g. America/Sao_Paulo; at most 64 characters.',
  })
  @InputLimit({ maxLength: 64 })
  timezone?: string;

  @Field({ nullable: true, description: 'ISO 4217 billing currency; fixed once messages exist' })
  currency?: string;

  @Field({ nullable: true, description: 'ISO 3166 alpha-2' })
  primaryBusinessCountry?: string;

  @Field(() => [AuthInternationalStartInput], { nullable: true })
  authInternationalStarts?: AuthInternationalStartInput[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Free service messages per phone number per month from 2026-10-01 (default 1000, unconfirmed by Meta)',
  })
  freeServiceAllowance?: number;

  @Field(() => String, {
    nullable: true,
    description:
      "A Graph API access token with whatsapp_business_management, used to read Meta's pricing_analytics for this WABA. Stored encrypted (needs TOKEN_ENCRYPTION_KEY on the server), never returned; null removes it.",
  })
  accessToken?: string | null;
}

@InputType()
export class PhoneNumberInput {
  @Field({ description: 'At most 64 characters.' })
  @InputLimit({ maxLength: 64 })
  phoneNumberId!: string;

  @Field({ description: 'At most 64 characters.' })
  @InputLimit({ maxLength: 64 })
  wabaId!: string;

  @Field({ nullable: true, description: 'At most 32 characters.' })
  @InputLimit({ maxLength: 32 })
  displayPhoneNumber?: string;

  @Field({ nullable: true })
  coexistence?: boolean;

  @Field({ nullable: true })
  onboardedAt?: Date;
}
