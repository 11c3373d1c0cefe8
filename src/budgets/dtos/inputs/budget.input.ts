import { Field, InputType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';

@InputType({ description: 'A monthly budget for exactly one of wabaId or portfolioId.' })
export class BudgetInput {
  @Field(() => String, { nullable: true })
  wabaId?: string | null;

  @Field(() => String, { nullable: true })
  portfolioId?: string | null;

  @Field(() => DecimalScalar, { description: 'Per local month, at most 6 decimals, e.g. "1500".' })
  amount!: string;

  @Field(() => String, {
    nullable: true,
    description: "ISO 4217; the scope's billing currency by default (and the only one accepted).",
  })
  currency?: string | null;
}

@InputType({ description: 'Exactly one of wabaId or portfolioId.' })
export class BudgetScopeInput {
  @Field(() => String, { nullable: true })
  wabaId?: string | null;

  @Field(() => String, { nullable: true })
  portfolioId?: string | null;
}
