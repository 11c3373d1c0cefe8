import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { PageInfoOutput } from '../../../common/graphql/page-info.output';
import { ChargeReason, PricingCategory } from '../../../common/graphql/enums';
import { ReconciliationKind } from '../../enums/reconciliation-kind.enum';

@ObjectType()
export class ReconciliationGroup {
  @Field(() => ReconciliationKind)
  kind!: ReconciliationKind;

  @Field()
  currency!: string;

  @Field(() => Int)
  messages!: number;

  @Field(() => DecimalScalar, {
    nullable: true,
    description:
      "Sum of the final (Meta-decided) charges. Null for META_FREE_ESTIMATE_BILLED: Meta's verdict made them 0 and the estimate's amount is not kept.",
  })
  amountAtStake!: string | null;
}

@ObjectType()
export class ReconciliationItem {
  @Field(() => ReconciliationKind)
  kind!: ReconciliationKind;

  @Field()
  wamid!: string;

  @Field()
  phoneNumberId!: string;

  @Field()
  wabaId!: string;

  @Field(() => Date, { nullable: true })
  chargeAt!: Date | null;

  @Field({ description: "Meta's verdict, which decided the charge." })
  chargeBillable!: boolean;

  @Field(() => ChargeReason)
  chargeReason!: ChargeReason;

  @Field(() => PricingCategory, { nullable: true })
  chargePricingCategory!: PricingCategory | null;

  @Field()
  estimateBillable!: boolean;

  @Field(() => ChargeReason)
  estimateReason!: ChargeReason;

  @Field(() => PricingCategory, { nullable: true })
  estimatePricingCategory!: PricingCategory | null;

  @Field(() => DecimalScalar)
  amount!: string;

  @Field()
  currency!: string;
}

@ObjectType()
export class ReconciliationEdge {
  @Field()
  cursor!: string;

  @Field(() => ReconciliationItem)
  node!: ReconciliationItem;
}

@ObjectType({
  description:
    "Messages where Meta's pricing verdict and the estimate disagree: every one counted in groups, a page of them listed in the order they were first recorded.",
})
export class ReconciliationConnection {
  @Field(() => [ReconciliationGroup], {
    description: 'Every disagreement in range, by kind and currency.',
  })
  groups!: ReconciliationGroup[];

  @Field(() => [ReconciliationEdge])
  edges!: ReconciliationEdge[];

  @Field(() => PageInfoOutput)
  pageInfo!: PageInfoOutput;

  @Field(() => Int, { description: 'Every disagreement in range, not only this page.' })
  totalCount!: number;
}
