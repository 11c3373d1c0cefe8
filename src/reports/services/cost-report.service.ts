import { FREE_REASONS_SQL } from '../../pricing/pricing.types';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import { ReportDimension } from '../../common/graphql/enums';
import { fromMicros, Money } from '../../pricing/money';
import {
  REPORT_DIMENSION_COLUMNS,
  type ReportDimensionField,
} from '../constants/report-dimension-columns.constant';
import { buildMessageWhere, type MessageScope } from '../utils/build-message-where.util';
import {
  buildRollupWhere,
  nullIfEmpty,
  type RollupDayRange,
} from '../utils/build-rollup-where.util';
import { compareNullableText } from '../utils/compare-nullable-text.util';
import { parseMonth } from '../utils/parse-month.util';
import { localDayRange, monthsAround, rangeCoversMonths } from '../utils/rollup-route.util';
import { SqlParameters, driverOf, sumMicrosAsText } from '../../database/sql-dialect';
import { validateReportRange } from '../utils/validate-report-range.util';

export type ReportFilterValues = Omit<MessageScope, 'from' | 'to'>;

/** Where a report was aggregated: the day rollups (charge_rollups) or the messages themselves. */
export type CostReportSource = 'rollups' | 'messages';

export interface CostReportRequest {
  from: Date;
  to: Date;
  groupBy: readonly ReportDimension[];
  filter?: ReportFilterValues;
  /**
   * 'auto' (default): the rollups whenever they answer [from, to) exactly, else the messages.
   * 'messages' forces the exact-instant path (equivalence tests, diagnostics).
   */
  source?: 'auto' | 'messages';
}

export interface CostFigures {
  currency: string;
  messages: number;
  billableMessages: number;
  freeMessages: number;
  amount: Decimal;
}

export interface CostReportRowResult extends CostFigures {
  dimensions: Partial<Record<ReportDimensionField, string | null>>;
}

export interface CostReportResult {
  rows: CostReportRowResult[];
  totals: CostFigures[];
  source: CostReportSource;
}

export const MAX_FILTER_VALUES = 1000;

interface AggregateRow {
  currency: string;
  messages: string | number;
  billable: string | number;
  free: string | number;
  micros: string;
  [dimension: `d${number}`]: string | null;
}

/**
 * Counts and exact amounts of messages grouped by any dimensions, aggregated in SQL: from
 * charge_rollups when the request can be answered exactly at day granularity (see rollupDays),
 * otherwise from messages on exact charge instants. Both give identical rows.
 */
@Injectable()
export class CostReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async costReport(request: CostReportRequest): Promise<CostReportResult> {
    validateCostReportRequest(request);
    const days = request.source === 'messages' ? undefined : await this.rollupDays(request);
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const dimensions = request.groupBy.map((dimension) => REPORT_DIMENSION_COLUMNS[dimension]);
    const groupColumns = [...dimensions.map((dimension) => dimension.column), 'charge_currency'];
    const selectDimensions = dimensions
      .map((dimension, index) => `${dimension.column} AS d${index}, `)
      .join('');
    const sql =
      days === undefined
        ? `SELECT ${selectDimensions} charge_currency AS currency,
                  COUNT(*) AS messages,
                  SUM(CASE WHEN charge_billable THEN 1 ELSE 0 END) AS billable,
                  SUM(CASE WHEN charge_reason IN ${FREE_REASONS_SQL} THEN 1 ELSE 0 END) AS free,
                  ${sumMicrosAsText(parameters.dialect)} AS micros
             FROM messages
            WHERE ${buildMessageWhere({ ...request.filter, from: request.from, to: request.to }, parameters)}
            GROUP BY ${groupColumns.join(', ')}`
        : `SELECT ${selectDimensions} charge_currency AS currency,
                  SUM(messages) AS messages,
                  SUM(billable_messages) AS billable,
                  SUM(free_messages) AS free,
                  ${sumMicrosAsText(parameters.dialect, 'amount_micros')} AS micros
             FROM charge_rollups
            WHERE ${buildRollupWhere(request.filter ?? {}, parameters, days)}
            GROUP BY ${groupColumns.join(', ')}
           HAVING SUM(messages) <> 0`;
    const raw = (await this.dataSource.query(sql, parameters.values)) as AggregateRow[];
    const rows = raw.map((row) => ({
      dimensions: Object.fromEntries(
        dimensions.map((dimension, index) => [dimension.field, nullIfEmpty(row[`d${index}`])]),
      ),
      currency: row.currency,
      messages: Number(row.messages),
      billableMessages: Number(row.billable),
      freeMessages: Number(row.free),
      amount: fromMicros(row.micros),
    }));
    rows.sort((a, b) => {
      for (const dimension of dimensions) {
        const order = compareNullableText(
          a.dimensions[dimension.field] ?? null,
          b.dimensions[dimension.field] ?? null,
        );
        if (order !== 0) return order;
      }
      return compareNullableText(a.currency, b.currency);
    });
    return {
      rows,
      totals: totalsByCurrency(rows),
      source: days === undefined ? 'messages' : 'rollups',
    };
  }

  /**
   * How the rollups answer [from, to) exactly, or undefined when they cannot:
   * - null (no day condition) when filter.months is given and [from, to) contains those months in
   *   every timezone (±14 h): the months filter alone decides;
   * - a charge_day range when from and to are both 12am, on the same local dates, in the timezone
   *   of every WABA whose messages the filter can reach.
   */
  private async rollupDays(request: CostReportRequest): Promise<RollupDayRange | null | undefined> {
    const filter = request.filter ?? {};
    if (filter.months && rangeCoversMonths(filter.months, request.from, request.to)) return null;
    const timezones = await this.timezonesInScope(request);
    return localDayRange(request.from, request.to, timezones) ?? undefined;
  }

  /**
   * The timezones of the WABAs the filter may reach: those listed, else those of the portfolios
   * (as configured now, or as their charges in the months around the range still say), else all.
   */
  private async timezonesInScope(request: CostReportRequest): Promise<string[]> {
    const filter = request.filter ?? {};
    const parameters = new SqlParameters(driverOf(this.dataSource));
    let where = '1 = 1';
    if (filter.wabaIds) {
      if (filter.wabaIds.length === 0) return [];
      where = `waba_id IN (${parameters.list(filter.wabaIds)})`;
    } else if (filter.portfolioIds) {
      if (filter.portfolioIds.length === 0) return [];
      where = `portfolio_id IN (${parameters.list(filter.portfolioIds)})
        OR waba_id IN (SELECT DISTINCT waba_id FROM charge_rollups
                        WHERE portfolio_id IN (${parameters.list(filter.portfolioIds)})
                          AND charge_month IN (${parameters.list(monthsAround(request.from, request.to))}))`;
    }
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT timezone FROM wabas WHERE ${where}`,
      parameters.values,
    )) as { timezone: string }[];
    return rows.map((row) => row.timezone);
  }
}

function totalsByCurrency(rows: readonly CostFigures[]): CostFigures[] {
  const totals = new Map<string, CostFigures>();
  for (const row of rows) {
    const total = totals.get(row.currency) ?? {
      currency: row.currency,
      messages: 0,
      billableMessages: 0,
      freeMessages: 0,
      amount: new Money(0),
    };
    total.messages += row.messages;
    total.billableMessages += row.billableMessages;
    total.freeMessages += row.freeMessages;
    total.amount = total.amount.plus(row.amount);
    totals.set(row.currency, total);
  }
  return [...totals.values()].sort((a, b) => compareNullableText(a.currency, b.currency));
}

function validateCostReportRequest(request: CostReportRequest): void {
  validateReportRange(request.from, request.to);
  if (new Set(request.groupBy).size !== request.groupBy.length) {
    throw new DomainError('BAD_USER_INPUT', 'groupBy must not repeat a dimension');
  }
  const filter = request.filter ?? {};
  for (const [name, values] of Object.entries(filter)) {
    if (Array.isArray(values) && values.length > MAX_FILTER_VALUES) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `filter.${name} may list at most ${MAX_FILTER_VALUES} values`,
      );
    }
  }
  for (const month of filter.months ?? []) parseMonth(month, 'filter.months');
}
