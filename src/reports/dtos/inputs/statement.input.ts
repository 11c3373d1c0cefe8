import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Exactly one of wabaId or portfolioId.' })
export class StatementInput {
  @Field({ description: 'YYYY-MM, a calendar month in the WABA timezone.' })
  month!: string;

  @Field(() => String, { nullable: true })
  wabaId?: string | null;

  @Field(() => String, { nullable: true })
  portfolioId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'ISO 4217 code; needed only when the month was charged in several currencies (a portfolio with WABAs billing in different currencies).',
  })
  currency?: string | null;
}
