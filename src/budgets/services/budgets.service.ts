import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type Decimal from 'decimal.js';
import { DataSource, Repository } from 'typeorm';
import type { WabaEntity } from '../../accounts/entities/waba.entity';
import { AccountsService } from '../../accounts/services/accounts.service';
import { DomainError } from '../../common/errors/domain.error';
import { queryRecords } from '../../database/query-records.util';
import { SqlParameters, driverOf, sumMicrosAsText } from '../../database/sql-dialect';
import { NotificationsService } from '../../notifications/services/notifications.service';
import { fromMicros, money, Money, toDecimalString } from '../../pricing/money';
import { localDate } from '../../pricing/time/local-time.util';
import { ForecastService } from '../../simulations/services/forecast.service';
import { BudgetAlertEntity } from '../entities/budget-alert.entity';
import { BudgetEntity } from '../entities/budget.entity';
import { BUDGET_THRESHOLDS, crossedThreshold } from '../utils/crossed-threshold.util';

const FORECAST_TTL_MS = 24 * 60 * 60 * 1000;
const DECIMAL = /^\d{1,15}(\.\d{1,6})?$/;

export interface BudgetRequest {
  wabaId?: string | null;
  portfolioId?: string | null;
  amount: string;
  currency?: string | null;
}

export interface BudgetStatus {
  budget: BudgetEntity;
  /** The budget's current month (the scope's local month at `now`). */
  month: string;
  spend: Decimal;
  forecast: Decimal | null;
  alerts: BudgetAlertEntity[];
}

/**
 * Monthly budgets per WABA or portfolio. At each scheduler tick, a budget whose month's spend
 * (billed charges so far) or forecast (ForecastService, refreshed daily) reaches 50, 80 or 100%
 * notifies once per threshold per month: the alert row (unique budget × month × threshold) is
 * the claim.
 */
@Injectable()
export class BudgetsService {
  private readonly logger = new Logger(BudgetsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(BudgetEntity) private readonly budgets: Repository<BudgetEntity>,
    @InjectRepository(BudgetAlertEntity) private readonly alerts: Repository<BudgetAlertEntity>,
    private readonly accounts: AccountsService,
    private readonly forecasts: ForecastService,
    private readonly notifications: NotificationsService,
  ) {}

  async setBudget(request: BudgetRequest): Promise<BudgetEntity> {
    const { scope, scopeId, wabas } = await this.scopeOf(request);
    const amount = request.amount.trim();
    if (!DECIMAL.test(amount) || money(amount).isZero()) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `amount must be a positive decimal with at most 6 decimals, e.g. "1500.00"; got "${request.amount}"`,
      );
    }
    const currencies = [...new Set(wabas.map((waba) => waba.currency))].sort();
    const currency = (request.currency ?? currencies[0]).toUpperCase();
    if (currencies.length > 1 || currency !== currencies[0]) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `the ${scope === 'WABA' ? 'WABA bills' : "portfolio's WABAs bill"} in ${currencies.join(', ')}; a budget is in that one currency`,
      );
    }
    const now = new Date();
    const existing = await this.budgets.findOneBy({ scope, scopeId });
    return this.budgets.save(
      this.budgets.create({
        ...(existing ?? {
          createdAt: now,
          forecastAmount: null,
          forecastMonth: null,
          forecastAt: null,
        }),
        scope,
        scopeId,
        amount: toDecimalString(money(amount)),
        currency,
        updatedAt: now,
      }),
    );
  }

  async removeBudget(request: Omit<BudgetRequest, 'amount'>): Promise<boolean> {
    const { scope, scopeId } = this.scopeKey(request);
    const budget = await this.budgets.findOneBy({ scope, scopeId });
    if (!budget) return false;
    await this.alerts.delete({ budgetId: budget.id });
    await this.budgets.delete({ id: budget.id });
    return true;
  }

  /** Every budget with its current month's spend, forecast and alerts. */
  async statuses(now: Date): Promise<BudgetStatus[]> {
    const result: BudgetStatus[] = [];
    for (const budget of await this.budgets.find({ order: { scope: 'ASC', scopeId: 'ASC' } })) {
      const wabas = await this.wabasOf(budget.scope, budget.scopeId);
      if (wabas.length === 0) continue;
      const month = localDate(now, wabas[0].timezone).month;
      result.push({
        budget,
        month,
        spend: await this.spend(wabas, month, budget.currency),
        forecast:
          budget.forecastMonth === month && budget.forecastAmount !== null
            ? money(budget.forecastAmount)
            : null,
        alerts: await this.alerts.find({
          where: { budgetId: budget.id, month },
          order: { threshold: 'ASC' },
        }),
      });
    }
    return result;
  }

  /** The scheduler's step: fires each threshold crossed this month, once. Returns the new alerts. */
  async evaluate(now: Date): Promise<BudgetAlertEntity[]> {
    const fired: BudgetAlertEntity[] = [];
    for (const budget of await this.budgets.find()) {
      const wabas = await this.wabasOf(budget.scope, budget.scopeId);
      if (wabas.length === 0) continue;
      const month = localDate(now, wabas[0].timezone).month;
      const amount = money(budget.amount);
      const spend = await this.spend(wabas, month, budget.currency);
      const forecast = await this.forecast(budget, wabas, month, now);
      for (const threshold of BUDGET_THRESHOLDS) {
        const basis = crossedThreshold(threshold, amount, spend, forecast);
        if (basis === null) continue;
        const alert = await this.claimAlert(budget, month, threshold, basis, spend, forecast, now);
        if (alert === null) continue;
        fired.push(alert);
        await this.notify(budget, alert, wabas, now);
      }
    }
    return fired;
  }

  private scopeKey(request: Omit<BudgetRequest, 'amount'>): {
    scope: 'WABA' | 'PORTFOLIO';
    scopeId: string;
  } {
    if (Boolean(request.wabaId) === Boolean(request.portfolioId)) {
      throw new DomainError('BAD_USER_INPUT', 'give exactly one of wabaId or portfolioId');
    }
    return request.wabaId
      ? { scope: 'WABA', scopeId: request.wabaId }
      : { scope: 'PORTFOLIO', scopeId: request.portfolioId as string };
  }

  private async scopeOf(request: Omit<BudgetRequest, 'amount'>) {
    const key = this.scopeKey(request);
    const wabas = await this.wabasOf(key.scope, key.scopeId);
    if (wabas.length === 0) {
      throw new DomainError(
        'NOT_FOUND',
        key.scope === 'WABA'
          ? `unknown WABA "${key.scopeId}"`
          : `no WABA belongs to portfolio "${key.scopeId}"`,
      );
    }
    return { ...key, wabas };
  }

  private async wabasOf(scope: string, scopeId: string): Promise<WabaEntity[]> {
    return (await this.accounts.listWabas()).filter((waba) =>
      scope === 'WABA' ? waba.wabaId === scopeId : waba.portfolioId === scopeId,
    );
  }

  /** The billed amount of the month so far, from the rollups. */
  private async spend(
    wabas: readonly WabaEntity[],
    month: string,
    currency: string,
  ): Promise<Decimal> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const [row] = (await this.dataSource.query(
      `SELECT ${sumMicrosAsText(parameters.dialect, 'amount_micros')} AS micros FROM charge_rollups
        WHERE waba_id IN (${parameters.list(wabas.map((waba) => waba.wabaId))})
          AND charge_month = ${parameters.add(month)} AND charge_currency = ${parameters.add(currency)}`,
      parameters.values,
    )) as { micros: string }[];
    return fromMicros(row.micros);
  }

  /** The month's forecast, computed at most once a day per budget; null when it cannot be. */
  private async forecast(
    budget: BudgetEntity,
    wabas: readonly WabaEntity[],
    month: string,
    now: Date,
  ): Promise<Decimal | null> {
    if (
      budget.forecastMonth === month &&
      budget.forecastAt !== null &&
      now.getTime() - budget.forecastAt.getTime() < FORECAST_TTL_MS
    ) {
      return budget.forecastAmount === null ? null : money(budget.forecastAmount);
    }
    let total: Decimal | null = new Money(0);
    try {
      for (const waba of wabas) {
        const forecast = await this.forecasts.forecast(
          { wabaId: waba.wabaId, targetMonth: month },
          now,
        );
        total = total.plus(money(forecast.total));
      }
    } catch (error) {
      this.logger.warn(
        `no forecast for budget ${budget.scope} ${budget.scopeId}: ${String(error)}`,
      );
      total = null;
    }
    await this.budgets.update(
      { id: budget.id },
      {
        forecastAmount: total === null ? null : toDecimalString(total),
        forecastMonth: month,
        forecastAt: now,
      },
    );
    return total;
  }

  private async claimAlert(
    budget: BudgetEntity,
    month: string,
    threshold: number,
    basis: 'SPEND' | 'FORECAST',
    spend: Decimal,
    forecast: Decimal | null,
    now: Date,
  ): Promise<BudgetAlertEntity | null> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const inserted = await queryRecords<{ id: number | string }>(
      this.dataSource,
      `INSERT INTO budget_alerts (budget_id, month, threshold, basis, spend, forecast, budget, fired_at)
       VALUES (${parameters.add(budget.id)}, ${parameters.add(month)}, ${parameters.add(threshold)},
               ${parameters.add(basis)}, ${parameters.add(toDecimalString(spend))},
               ${forecast === null ? 'NULL' : parameters.add(toDecimalString(forecast))},
               ${parameters.add(budget.amount)}, ${parameters.add(now.getTime())})
       ON CONFLICT (budget_id, month, threshold) DO NOTHING RETURNING id`,
      parameters.values,
    );
    return inserted.length === 0
      ? null
      : this.alerts.findOneByOrFail({ id: Number(inserted[0].id) });
  }

  private async notify(
    budget: BudgetEntity,
    alert: BudgetAlertEntity,
    wabas: readonly WabaEntity[],
    now: Date,
  ): Promise<void> {
    const scopeName =
      budget.scope === 'WABA'
        ? `WABA ${wabas[0].name ?? budget.scopeId}`
        : `portfolio ${budget.scopeId}`;
    const figure =
      alert.basis === 'SPEND'
        ? `spent ${budget.currency} ${alert.spend}`
        : `forecast to spend ${budget.currency} ${alert.forecast ?? '?'} (spent ${alert.spend} so far)`;
    // A fraction of the budget in whole percent, never through a JS number.
    const percent = (value: string) =>
      money(value).times(100).dividedBy(budget.amount).toDecimalPlaces(0).toFixed();
    await this.notifications.enqueue(
      {
        key: `budget:${budget.scope}-${budget.scopeId}:${alert.month}:${alert.threshold}`,
        type: 'budget.threshold',
        occurredAt: alert.firedAt,
        data: {
          scope: budget.scope,
          wabaId: budget.scope === 'WABA' ? budget.scopeId : null,
          portfolioId: budget.scope === 'PORTFOLIO' ? budget.scopeId : null,
          month: alert.month,
          threshold: alert.threshold,
          basis: alert.basis,
          budget: budget.amount,
          currency: budget.currency,
          spend: alert.spend,
          forecast: alert.forecast,
          spendPercent: percent(alert.spend),
        },
        email: {
          subject: `Budget ${alert.threshold}% ${alert.basis === 'SPEND' ? 'reached' : 'forecast'}: ${scopeName}, ${alert.month}`,
          text: [
            `${scopeName} has ${figure} in ${alert.month}: ${alert.threshold}% of its monthly budget of ${budget.currency} ${budget.amount} is ${alert.basis === 'SPEND' ? 'reached' : 'forecast to be reached'}.`,
            `Spend so far: ${percent(alert.spend)}% of the budget.`,
          ].join('\n'),
        },
      },
      now,
    );
  }
}
