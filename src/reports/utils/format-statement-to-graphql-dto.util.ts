import type { ChargeReason, PricingCategory } from '../../common/graphql/enums';
import { formatMinorUnits, toDecimalString } from '../../pricing/money';
import type { Statement } from '../dtos/outputs/statement.output';
import type { StatementResult } from '../services/statement.service';

export function formatStatementToGraphqlDto(statement: StatementResult): Statement {
  return {
    number: statement.number,
    issuedAt: statement.issuedAt,
    month: statement.month,
    currency: statement.currency,
    wabaId: statement.wabaId,
    wabaName: statement.wabaName,
    portfolioId: statement.portfolioId,
    portfolioName: statement.portfolioName,
    wabaIds: statement.wabaIds,
    timezone: statement.timezone,
    rateCards: statement.rateCards,
    lines: statement.lines.map((line) => ({
      market: line.market,
      pricingCategory: line.pricingCategory as PricingCategory,
      tier: line.tier,
      quantity: line.quantity,
      rate: toDecimalString(line.rate),
      amount: toDecimalString(line.amount),
    })),
    free: statement.free.map((line) => ({
      reason: line.reason as ChargeReason,
      quantity: line.quantity,
    })),
    billedMessages: statement.billedMessages,
    pendingMessages: statement.pendingMessages,
    unpricedMessages: statement.unpricedMessages,
    unpriced: statement.unpriced.map((line) => ({
      market: line.market,
      pricingCategory: line.pricingCategory as PricingCategory,
      quantity: line.quantity,
    })),
    unpricedUnclassifiedMessages: statement.unpricedUnclassifiedMessages,
    notDeliveredMessages: statement.notDeliveredMessages,
    rejectedMessages: statement.rejectedMessages,
    exactTotal: toDecimalString(statement.exactTotal),
    total: formatMinorUnits(statement.total, statement.currency),
  };
}
