import { Field, InputType } from '@nestjs/graphql';
import { MAX_RATE_CARD_CSV_LENGTH } from '../../../pricing/rate-cards/meta-csv.util';
import { InputLimit, MAX_PROVENANCE_LENGTH } from '../../../common/graphql/input-limits.util';

@InputType()
export class ImportRateCardInput {
  @Field()
  name!: string;

  @Field({ description: 'ISO 4217, e.g. USD' })
  currency!: string;

  @Field({ description: 'YYYY-MM-DD, 12am in each WABA timezone' })
  effectiveFrom!: string;

  @Field({
    description: `Meta's rates CSV, as downloaded; at most ${MAX_RATE_CARD_CSV_LENGTH} characters.`,
  })
  @InputLimit({ maxLength: MAX_RATE_CARD_CSV_LENGTH })
  ratesCsv!: string;

  @Field({
    nullable: true,
    description: `Meta's volume tiers CSV; at most ${MAX_RATE_CARD_CSV_LENGTH} characters.`,
  })
  @InputLimit({ maxLength: MAX_RATE_CARD_CSV_LENGTH })
  volumeTiersCsv?: string;

  @Field({
    nullable: true,
    description: `Where the file came from; at most ${MAX_PROVENANCE_LENGTH} characters.`,
  })
  @InputLimit({ maxLength: MAX_PROVENANCE_LENGTH })
  provenance?: string;
}
