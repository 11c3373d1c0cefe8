import type { ChargeReason, MessageOrigin, PricingCategory } from '../../common/graphql/enums';
import { toDecimalString } from '../../pricing/money';
import type { CostReport, CostTotal } from '../dtos/outputs/cost-report.output';
import type { CostFigures, CostReportResult } from '../services/cost-report.service';

export function formatCostReportToGraphqlDto(report: CostReportResult): CostReport {
  return {
    rows: report.rows.map((row) => ({
      month: row.dimensions.month ?? null,
      day: row.dimensions.day ?? null,
      portfolioId: row.dimensions.portfolioId ?? null,
      wabaId: row.dimensions.wabaId ?? null,
      phoneNumberId: row.dimensions.phoneNumberId ?? null,
      market: row.dimensions.market ?? null,
      country: row.dimensions.country ?? null,
      pricingCategory: (row.dimensions.pricingCategory ?? null) as PricingCategory | null,
      origin: (row.dimensions.origin ?? null) as MessageOrigin | null,
      reason: (row.dimensions.reason ?? null) as ChargeReason | null,
      tier: row.dimensions.tier ?? null,
      ...formatFigures(row),
    })),
    totals: report.totals.map(formatFigures),
  };
}

function formatFigures(figures: CostFigures): CostTotal {
  return {
    currency: figures.currency,
    messages: figures.messages,
    billableMessages: figures.billableMessages,
    freeMessages: figures.freeMessages,
    amount: toDecimalString(figures.amount),
  };
}
