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
import { compareNullableText } from '../utils/compare-nullable-text.util';
import { parseMonth } from '../utils/parse-month.util';
import { SqlParameters, sqlDialectOf, sumMicrosAsText } from '../utils/sql-dialect.util';
import { validateReportRange } from '../utils/validate-report-range.util';

export type ReportFilterValues = Omit<MessageScope, 'from' | 'to'>;

export interface CostReportRequest {
  from: Date;
  to: Date;
  groupBy: readonly ReportDimension[];
  filter?: ReportFilterValues;
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

/** Counts and exact amounts of messages grouped by any dimensions, aggregated in SQL. */
@Injectable()
export class CostReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async costReport(request: CostReportRequest): Promise<CostReportResult> {
    validateCostReportRequest(request);
    const parameters = new SqlParameters(sqlDialectOf(this.dataSource));
    const dimensions = request.groupBy.map((dimension) => REPORT_DIMENSION_COLUMNS[dimension]);
    const groupColumns = [...dimensions.map((dimension) => dimension.column), 'charge_currency'];
    const where = buildMessageWhere(
      { ...request.filter, from: request.from, to: request.to },
      parameters,
    );
    const sql = `
      SELECT ${dimensions.map((dimension, index) => `${dimension.column} AS d${index}`).join(', ')}
             ${dimensions.length > 0 ? ',' : ''} charge_currency AS currency,
             COUNT(*) AS messages,
             SUM(CASE WHEN charge_billable THEN 1 ELSE 0 END) AS billable,
             SUM(CASE WHEN charge_reason LIKE 'FREE_%' THEN 1 ELSE 0 END) AS free,
             ${sumMicrosAsText(parameters.dialect)} AS micros
        FROM messages
       WHERE ${where}
       GROUP BY ${groupColumns.join(', ')}`;
    const raw = (await this.dataSource.query(sql, parameters.values)) as AggregateRow[];
    const rows = raw.map((row) => ({
      dimensions: Object.fromEntries(
        dimensions.map((dimension, index) => [dimension.field, row[`d${index}`] ?? null]),
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
    return { rows, totals: totalsByCurrency(rows) };
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
