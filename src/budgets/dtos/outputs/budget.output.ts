import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';

export enum BudgetScopeEnum {
  WABA = 'WABA',
  PORTFOLIO = 'PORTFOLIO',
}

export enum BudgetAlertBasisEnum {
  SPEND = 'SPEND',
  FORECAST = 'FORECAST',
}

registerEnumType(BudgetScopeEnum, { name: 'BudgetScope' });
registerEnumType(BudgetAlertBasisEnum, {
  name: 'BudgetAlertBasis',
  description: "SPEND: the month's spend reached the threshold. FORECAST: its forecast did.",
});

@ObjectType({ description: 'A threshold a budget crossed in a month (notified once).' })
export class BudgetAlert {
  @Field()
  month!: string;

  @Field(() => Int, { description: '50, 80 or 100 (% of the budget).' })
  threshold!: number;

  @Field(() => BudgetAlertBasisEnum)
  basis!: BudgetAlertBasisEnum;

  @Field(() => DecimalScalar)
  spend!: string;

  @Field(() => DecimalScalar, { nullable: true })
  forecast!: string | null;

  @Field()
  firedAt!: Date;
}

@ObjectType({ description: "A monthly budget and its current month's figures." })
export class Budget {
  @Field(() => BudgetScopeEnum)
  scope!: BudgetScopeEnum;

  @Field(() => String, { nullable: true })
  wabaId!: string | null;

  @Field(() => String, { nullable: true })
  portfolioId!: string | null;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field()
  currency!: string;

  @Field({ description: "The current local month (the WABA's; a portfolio's first WABA's)." })
  month!: string;

  @Field(() => DecimalScalar, { description: 'Billed so far this month, exact.' })
  spend!: string;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: "The month's forecast (recorded traffic priced as in force), refreshed daily.",
  })
  forecast!: string | null;

  @Field(() => [BudgetAlert], { description: "This month's alerts." })
  alerts!: BudgetAlert[];
}
