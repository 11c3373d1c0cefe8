import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Exactly one of wabaId or portfolioId.' })
export class MetaReconciliationInput {
  @Field({ description: "YYYY-MM, a calendar month in each WABA's timezone." })
  month!: string;

  @Field(() => String, { nullable: true })
  wabaId?: string | null;

  @Field(() => String, { nullable: true })
  portfolioId?: string | null;
}
