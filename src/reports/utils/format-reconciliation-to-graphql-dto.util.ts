import { encodeIdCursor, toConnection } from '../../common/graphql/connection.util';
import type { ChargeReason, PricingCategory } from '../../common/graphql/enums';
import { toDecimalString } from '../../pricing/money';
import type { ReconciliationConnection } from '../dtos/outputs/reconciliation.output';
import type { ReconciliationResult } from '../services/reconciliation.service';

export const RECONCILIATION_CURSOR = 'reconciliation';

export function formatReconciliationToGraphqlDto(
  result: ReconciliationResult,
): ReconciliationConnection {
  return {
    groups: result.groups.map((group) => ({
      kind: group.kind,
      currency: group.currency,
      messages: group.messages,
      amountAtStake: group.amountAtStake === null ? null : toDecimalString(group.amountAtStake),
    })),
    ...toConnection(
      result.items,
      result.hasNextPage,
      (item) => encodeIdCursor(RECONCILIATION_CURSOR, item.id),
      ({ id: _id, ...item }) => ({
        ...item,
        chargeReason: item.chargeReason as ChargeReason,
        chargePricingCategory: item.chargePricingCategory as PricingCategory | null,
        estimateReason: item.estimateReason as ChargeReason,
        estimatePricingCategory: item.estimatePricingCategory as PricingCategory | null,
        amount: toDecimalString(item.amount),
      }),
    ),
    totalCount: result.groups.reduce((sum, group) => sum + group.messages, 0),
  };
}
