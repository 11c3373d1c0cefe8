import { toDecimalString } from '../../pricing/money';
import type { MetaReconciliation } from '../dtos/outputs/meta-reconciliation.output';
import type { MetaReconciliationResult } from '../services/meta-reconciliation.service';

export function formatMetaReconciliationToGraphqlDto(
  result: MetaReconciliationResult,
): MetaReconciliation {
  return {
    month: result.month,
    currency: result.currency,
    wabaIds: result.wabaIds,
    metaVolume: result.metaVolume,
    ourVolume: result.ourVolume,
    metaCost: toDecimalString(result.metaCost),
    ourCost: toDecimalString(result.ourCost),
    lines: result.lines.map((line) => ({
      day: line.day,
      wabaId: line.wabaId,
      country: line.country,
      pricingCategory: line.pricingCategory,
      pricingType: line.pricingType,
      tier: line.tier,
      metaVolume: line.metaVolume,
      ourVolume: line.ourVolume,
      metaCost: toDecimalString(line.metaCost),
      ourCost: toDecimalString(line.ourCost),
      cause: line.cause,
      withinRounding: line.withinRounding,
      explanation: line.explanation,
    })),
  };
}
