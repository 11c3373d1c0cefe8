import { createHash } from 'node:crypto';
import { toDecimalString } from '../../pricing/money';
import type { StatementResult } from '../../reports/services/statement.service';

/**
 * SHA-256 of a statement's figures — lines, unpriced, free and not-billed counts, total,
 * currency — and nothing that changes when the same figures are issued again (number, issue
 * instant, names). Two statements with the same fingerprint bill the same.
 */
export function statementFingerprint(statement: StatementResult): string {
  const figures = {
    currency: statement.currency,
    lines: statement.lines.map((line) => [
      line.market,
      line.pricingCategory,
      line.tier,
      line.quantity,
      toDecimalString(line.rate),
      toDecimalString(line.amount),
    ]),
    unpriced: statement.unpriced.map((line) => [line.market, line.pricingCategory, line.quantity]),
    unpricedUnclassified: statement.unpricedUnclassifiedMessages,
    free: statement.free.map((entry) => [entry.reason, entry.quantity]),
    pending: statement.pendingMessages,
    notDelivered: statement.notDeliveredMessages,
    rejected: statement.rejectedMessages,
    exactTotal: toDecimalString(statement.exactTotal),
  };
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}
