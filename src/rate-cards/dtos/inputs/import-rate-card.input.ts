import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ImportRateCardInput {
  @Field()
  name!: string;

  @Field({ description: 'ISO 4217, e.g. USD' })
  currency!: string;

  @Field({ description: 'YYYY-MM-DD, 12am in each WABA timezone' })
  effectiveFrom!: string;

  @Field({ description: "Meta's rates CSV, as downloaded" })
  ratesCsv!: string;

  @Field({ nullable: true, description: "Meta's volume tiers CSV" })
  volumeTiersCsv?: string;

  @Field({ nullable: true, description: 'Where the file came from' })
  provenance?: string;
}
