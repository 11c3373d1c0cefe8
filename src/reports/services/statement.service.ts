import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { ReadSnapshot, type SnapshotReader } from '../../database/read-snapshot.service';
import { Money, roundToMinorUnit } from '../../pricing/money';
import { FREE_REASONS, type ChargeReason } from '../../pricing/pricing.types';
import { selectRateCard } from '../../pricing/rate-cards/select-rate-card.util';
import type { MessageScope } from '../utils/build-message-where.util';
import { buildRollupWhere } from '../utils/build-rollup-where.util';
import { compareNullableText } from '../utils/compare-nullable-text.util';
import { findWabasInScope } from '../../accounts/utils/find-wabas-in-scope.util';
import { parseMonth } from '../utils/parse-month.util';
import {
  billedLines,
  countsByReason,
  statementCurrency,
  unpricedLines,
  type RollupSum,
  type StatementLineResult,
  type UnpricedLineResult,
} from '../utils/statement-figures.util';
import { SqlParameters, driverOf, sumMicrosAsText } from '../../database/sql-dialect';
import { parseCurrencyOption } from '../utils/parse-currency.util';

export interface StatementRequest {
  month: string;
  wabaId?: string | null;
  portfolioId?: string | null;
  currency?: string | null;
  /** When the statement is issued; now by default. */
  issuedAt?: Date;
  /**
   * The revision of a closed month's statement: 2 and above add `-R<n>` to the number (a month
   * regenerated because a late fact changed its figures); none or 1 keeps the number as it is.
   */
  revision?: number | null;
}

export type { StatementLineResult, UnpricedLineResult };

export interface StatementWaba {
  wabaId: string;
  name: string | null;
  timezone: string;
}

export interface StatementResult {
  /** Stable per scope × month × currency: ST-W-<wabaId>-<YYYY-MM>-<CUR> or ST-P-<portfolioId>-…. */
  number: string;
  issuedAt: Date;
  month: string;
  currency: string;
  wabaId: string | null;
  /** The WABA's name for a WABA statement (null when unnamed or for a portfolio). */
  wabaName: string | null;
  portfolioId: string;
  portfolioName: string | null;
  /** The WABA's timezone; null for a portfolio statement (each WABA keeps its own). */
  timezone: string | null;
  wabaIds: string[];
  /** The WABAs covered, with their names and timezones, by id. */
  wabas: StatementWaba[];
  rateCards: string[];
  lines: StatementLineResult[];
  free: { reason: ChargeReason; quantity: number }[];
  billedMessages: number;
  pendingMessages: number;
  /** Every NO_RATE message: the quantities of `unpriced` plus `unpricedUnclassifiedMessages`. */
  unpricedMessages: number;
  /** NO_RATE messages with a known market and pricing category, by market and category. */
  unpriced: UnpricedLineResult[];
  /** NO_RATE messages whose market or pricing category is unknown (not in `unpriced`). */
  unpricedUnclassifiedMessages: number;
  notDeliveredMessages: number;
  rejectedMessages: number;
  exactTotal: Decimal;
  total: Decimal;
}

interface RateCardRow {
  name: string;
  currency: string;
  effective_from: string;
  imported_seq: string | number;
}

/**
 * ST-W-<wabaId>-<YYYY-MM>-<CUR> for a WABA, ST-P-<portfolioId>-<YYYY-MM>-<CUR> for a portfolio;
 * a closed month's statement issued again with other figures adds its revision: …-<CUR>-R2.
 */
export function statementNumber(
  request: Pick<StatementRequest, 'month' | 'wabaId' | 'revision'>,
  portfolioId: string,
  currency: string,
): string {
  const scope = request.wabaId ? `W-${request.wabaId}` : `P-${portfolioId}`;
  const revision = request.revision && request.revision > 1 ? `-R${request.revision}` : '';
  return `ST-${scope}-${request.month}-${currency}${revision}`;
}

/**
 * The month's invoice for one WABA or one portfolio in one currency: billed lines per market ×
 * pricing category × tier band × rate, free messages by reason, the rest counted apart. Read from
 * charge_rollups (day sums kept by the charging service), never by scanning messages.
 */
@Injectable()
export class StatementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshot: ReadSnapshot,
  ) {}

  /**
   * The statement's figures are read in one snapshot of the database, beside the writers rather
   * than after them: counts, lines and total come from one state of the rollups, which a charge
   * batch changes in one transaction.
   */
  monthlyStatement(request: StatementRequest): Promise<StatementResult> {
    return this.snapshot.run((reader) => this.readStatement(reader, request));
  }

  private async readStatement(
    reader: SnapshotReader,
    request: StatementRequest,
  ): Promise<StatementResult> {
    parseMonth(request.month);
    parseCurrencyOption(request.currency);
    const wabas = await findWabasInScope(
      (sql, parameters) => reader.query(sql, parameters),
      driverOf(this.dataSource),
      request,
    );
    const scope: MessageScope = {
      months: [request.month],
      ...(request.wabaId
        ? { wabaIds: [request.wabaId] }
        : { portfolioIds: [wabas[0].portfolio_id] }),
    };
    const rollups = await this.rollupSums(reader, scope);
    const currency = statementCurrency(request, wabas, rollups);
    const inCurrency = rollups.filter((row) => row.currency === currency);
    const portfolioId = wabas[0].portfolio_id;
    const portfolioName = wabas[0].portfolio_name;
    const counts = countsByReason(inCurrency);
    const lines = billedLines(inCurrency);
    const unpriced = unpricedLines(inCurrency);
    const rateCards = await this.rateCardNames(reader, inCurrency, currency);
    const exactTotal = lines.reduce((sum, line) => sum.plus(line.amount), new Money(0));
    const count = (reason: ChargeReason) => counts.get(reason) ?? 0;
    return {
      number: statementNumber(request, portfolioId, currency),
      issuedAt: request.issuedAt ?? new Date(),
      month: request.month,
      currency,
      wabaId: request.wabaId ?? null,
      wabaName: request.wabaId ? wabas[0].name : null,
      portfolioId,
      portfolioName,
      timezone: request.wabaId ? wabas[0].timezone : null,
      wabaIds: wabas.map((waba) => waba.waba_id),
      wabas: wabas.map((waba) => ({
        wabaId: waba.waba_id,
        name: waba.name,
        timezone: waba.timezone,
      })),
      rateCards,
      lines,
      free: FREE_REASONS.filter((reason) => count(reason) > 0).map((reason) => ({
        reason,
        quantity: count(reason),
      })),
      billedMessages: lines.reduce((sum, line) => sum + line.quantity, 0),
      pendingMessages: count('PENDING'),
      unpricedMessages: count('NO_RATE'),
      unpriced: unpriced.lines,
      unpricedUnclassifiedMessages: unpriced.unclassified,
      notDeliveredMessages: count('NOT_DELIVERED'),
      rejectedMessages: count('REJECTED_OUTSIDE_WINDOW'),
      exactTotal,
      total: roundToMinorUnit(exactTotal, currency),
    };
  }

  /**
   * The scope's rollups in one read, summed by currency, reason, market, category, tier band and
   * rate, and for billed messages by local day too (the days pick the rate cards): every figure
   * of the statement comes from these rows.
   */
  private async rollupSums(reader: SnapshotReader, scope: MessageScope): Promise<RollupSum[]> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const billedDay = `CASE WHEN charge_reason = 'BILLED' THEN charge_day ELSE '' END`;
    return (await reader.query(
      `SELECT charge_currency AS currency, charge_reason AS reason, charge_market AS market,
              charge_pricing_category AS category, charge_tier AS tier, charge_rate AS rate,
              ${billedDay} AS day, SUM(messages) AS quantity,
              ${sumMicrosAsText(parameters.dialect, 'amount_micros')} AS micros
         FROM charge_rollups
        WHERE ${buildRollupWhere(scope, parameters)}
        GROUP BY charge_currency, charge_reason, charge_market, charge_pricing_category,
                 charge_tier, charge_rate, ${billedDay}`,
      parameters.values,
    )) as RollupSum[];
  }

  /**
   * The cards the billed lines were priced with. Rollups do not keep the card id, but the engine
   * picks the card from (currency, local charge day) alone — the latest effectiveFrom on or before
   * the day, the latest import among equals — and every card import reprices its currency from
   * the card's first day. So the cards are those the same rule selects for the days that have
   * billed messages, from the stored cards of the currency.
   */
  private async rateCardNames(
    reader: SnapshotReader,
    rollups: readonly RollupSum[],
    currency: string,
  ): Promise<string[]> {
    const days = [
      ...new Set(rollups.filter((row) => row.reason === 'BILLED').map((row) => row.day)),
    ];
    if (days.length === 0) return [];
    const lastDay = days.reduce((last, day) => (day > last ? day : last));
    const cardParameters = new SqlParameters(driverOf(this.dataSource));
    const cards = (
      (await reader.query(
        `SELECT name, currency, effective_from, imported_seq FROM rate_cards
          WHERE currency = ${cardParameters.add(currency)}
            AND effective_from <= ${cardParameters.add(lastDay)}`,
        cardParameters.values,
      )) as RateCardRow[]
    ).map((card) => ({
      name: card.name,
      currency: card.currency,
      effectiveFrom: card.effective_from,
      importedSeq: Number(card.imported_seq),
    }));
    const used = new Set<(typeof cards)[number]>();
    for (const day of days) {
      const card = selectRateCard(cards, currency, day);
      if (card !== null) used.add(card);
    }
    return [...used]
      .sort(
        (a, b) =>
          compareNullableText(a.effectiveFrom, b.effectiveFrom) || a.importedSeq - b.importedSeq,
      )
      .map((card) => card.name);
  }
}
