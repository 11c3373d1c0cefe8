import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import { ReadSnapshot, type SnapshotReader } from '../../database/read-snapshot.service';
import { SqlParameters, driverOf } from '../../database/sql-dialect';
import {
  priceBusinessAppSavings,
  type AppSavings,
  type NumberMonthTraffic,
} from '../../pricing/engine/price-business-app-savings';
import { ALLOWANCE_REASONS } from '../../pricing/engine/classify-message';
import { RateCardsService } from '../../rate-cards/services/rate-cards.service';
import type { MessageScope } from '../utils/build-message-where.util';
import { buildRollupWhere, nullIfEmpty } from '../utils/build-rollup-where.util';
import { parseMonth } from '../utils/parse-month.util';
import { statementCurrency } from '../utils/statement-figures.util';
import { findWabasInScope } from '../../accounts/utils/find-wabas-in-scope.util';
import { DEFAULT_FREE_SERVICE_ALLOWANCE } from '../../pricing/regimes/regime';

export interface BusinessAppSavingsRequest {
  month: string;
  wabaId?: string | null;
  portfolioId?: string | null;
  currency?: string | null;
}

export interface BusinessAppSavingsResult extends AppSavings {
  month: string;
  currency: string;
}

interface SumRow {
  phone_number_id: string;
  day?: string;
  market?: string;
  quantity: string | number;
}

interface NumberRow {
  phone_number_id: string;
  allowance: string | number;
}

/**
 * What the messages sent from the WhatsApp Business app saved in a month: the Cloud API's price
 * for them (priceBusinessAppSavings), read from charge_rollups, never by scanning messages. The
 * app messages and the service replies they share the allowance with are read in one snapshot,
 * so that both come from the same charge batches.
 */
@Injectable()
export class BusinessAppSavingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rateCards: RateCardsService,
    private readonly snapshot: ReadSnapshot,
  ) {}

  async of(request: BusinessAppSavingsRequest): Promise<BusinessAppSavingsResult> {
    parseMonth(request.month);
    if (Boolean(request.wabaId) === Boolean(request.portfolioId)) {
      throw new DomainError('BAD_USER_INPUT', 'give exactly one of wabaId or portfolioId');
    }
    const scope: MessageScope = {
      months: [request.month],
      ...(request.wabaId
        ? { wabaIds: [request.wabaId] }
        : { portfolioIds: [request.portfolioId as string] }),
    };
    const { currency, numbers, appRows, serviceRows } = await this.snapshot.run((reader) =>
      this.readMonth(reader, request, scope),
    );
    const traffic = new Map<
      string,
      NumberMonthTraffic & { appMessages: NumberMonthTraffic['appMessages'][number][] }
    >();
    const numberOf = (phoneNumberId: string) => {
      let entry = traffic.get(phoneNumberId);
      if (!entry) {
        entry = {
          phoneNumberId,
          freeServiceAllowance: numbers.get(phoneNumberId) ?? DEFAULT_FREE_SERVICE_ALLOWANCE,
          apiServiceReplies: 0,
          appMessages: [],
        };
        traffic.set(phoneNumberId, entry);
      }
      return entry;
    };
    for (const row of serviceRows)
      numberOf(row.phone_number_id).apiServiceReplies += Number(row.quantity);
    for (const row of appRows) {
      numberOf(row.phone_number_id).appMessages.push({
        day: row.day as string,
        market: nullIfEmpty(row.market),
        messages: Number(row.quantity),
      });
    }
    const savings = priceBusinessAppSavings(
      [...traffic.values()],
      await this.rateCards.book(),
      currency,
    );
    return { ...savings, month: request.month, currency };
  }

  /** The WABAs' currency, allowances, app messages and service replies, one query at a time. */
  private async readMonth(
    reader: SnapshotReader,
    request: BusinessAppSavingsRequest,
    scope: MessageScope,
  ): Promise<{
    currency: string;
    numbers: Map<string, number>;
    appRows: SumRow[];
    serviceRows: SumRow[];
  }> {
    const currency = await this.currencyOf(reader, request, scope);
    const inCurrency: MessageScope = { ...scope, currencies: [currency] };
    const numbers = await this.allowances(reader, scope);
    const appRows = await this.sums(
      reader,
      { ...inCurrency, origins: ['BUSINESS_APP'], reasons: ['FREE_BUSINESS_APP'] },
      'charge_day, charge_market',
    );
    const serviceRows = await this.sums(
      reader,
      {
        ...inCurrency,
        pricingCategories: ['SERVICE'],
        reasons: [...ALLOWANCE_REASONS],
      },
      null,
    );
    return { currency, numbers, appRows, serviceRows };
  }

  private async sums(
    reader: SnapshotReader,
    scope: MessageScope,
    extraGroup: string | null,
  ): Promise<SumRow[]> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const extraSelect = extraGroup ? ', charge_day AS day, charge_market AS market' : '';
    const rows = await reader.query<SumRow>(
      `SELECT phone_number_id${extraSelect}, SUM(messages) AS quantity FROM charge_rollups
        WHERE ${buildRollupWhere(scope, parameters)}
        GROUP BY phone_number_id${extraGroup ? `, ${extraGroup}` : ''}`,
      parameters.values,
    );
    return rows.filter((row) => Number(row.quantity) !== 0);
  }

  private async allowances(
    reader: SnapshotReader,
    scope: MessageScope,
  ): Promise<Map<string, number>> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const where = scope.wabaIds
      ? `w.waba_id = ${parameters.add(scope.wabaIds[0])}`
      : `w.portfolio_id = ${parameters.add(scope.portfolioIds![0])}`;
    const rows = await reader.query<NumberRow>(
      `SELECT p.phone_number_id, w.free_service_allowance AS allowance
         FROM phone_numbers p JOIN wabas w ON w.waba_id = p.waba_id WHERE ${where}`,
      parameters.values,
    );
    return new Map(rows.map((row) => [row.phone_number_id, Number(row.allowance)]));
  }

  /** The requested currency, else the one the month was charged in (or the WABAs bill in). */
  private async currencyOf(
    reader: SnapshotReader,
    request: BusinessAppSavingsRequest,
    scope: MessageScope,
  ): Promise<string> {
    const driver = driverOf(this.dataSource);
    const wabas = await findWabasInScope(
      (sql, parameters) => reader.query(sql, parameters),
      driver,
      request,
    );
    const parameters = new SqlParameters(driver);
    const charged = await reader.query<{ currency: string }>(
      `SELECT DISTINCT charge_currency AS currency FROM charge_rollups
        WHERE ${buildRollupWhere(scope, parameters)}`,
      parameters.values,
    );
    return statementCurrency(request, wabas, charged, 'Business app savings');
  }
}
