import { toDecimalString } from '../../pricing/money';
import type { Budget, BudgetAlertBasisEnum, BudgetScopeEnum } from '../dtos/outputs/budget.output';
import type { BudgetStatus } from '../services/budgets.service';

export function formatBudgetToGraphqlDto(status: BudgetStatus): Budget {
  const { budget } = status;
  return {
    scope: budget.scope as BudgetScopeEnum,
    wabaId: budget.scope === 'WABA' ? budget.scopeId : null,
    portfolioId: budget.scope === 'PORTFOLIO' ? budget.scopeId : null,
    amount: budget.amount,
    currency: budget.currency,
    month: status.month,
    spend: toDecimalString(status.spend),
    forecast: status.forecast === null ? null : toDecimalString(status.forecast),
    alerts: status.alerts.map((alert) => ({
      month: alert.month,
      threshold: alert.threshold,
      basis: alert.basis as BudgetAlertBasisEnum,
      spend: alert.spend,
      forecast: alert.forecast,
      firedAt: alert.firedAt,
    })),
  };
}
