import type { ChargeReason, PricingCategory } from '../../common/graphql/enums';
import { toDecimalString } from '../../pricing/money';
import type { Reconciliation } from '../dtos/outputs/reconciliation.output';
import type { ReconciliationResult } from '../services/reconciliation.service';

export function formatReconciliationToGraphqlDto(result: ReconciliationResult): Reconciliation {
  return {
    groups: result.groups.map((group) => ({
      kind: group.kind,
      currency: group.currency,
      messages: group.messages,
      amountAtStake: group.amountAtStake === null ? null : toDecimalString(group.amountAtStake),
    })),
    items: result.items.map((item) => ({
      ...item,
      chargeReason: item.chargeReason as ChargeReason,
      chargePricingCategory: item.chargePricingCategory as PricingCategory | null,
      estimateReason: item.estimateReason as ChargeReason,
      estimatePricingCategory: item.estimatePricingCategory as PricingCategory | null,
      amount: toDecimalString(item.amount),
    })),
    endCursor: result.endCursor,
    hasNextPage: result.hasNextPage,
  };
}
