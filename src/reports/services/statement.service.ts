import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { DomainError } from '../../common/errors/domain.error';
import { ReadSnapshot, type SnapshotReader } from '../../database/read-snapshot.service';
import { fromMicros, money, Money, roundToMinorUnit, toDecimalString } from '../../pricing/money';
import {
  FREE_REASONS,
  PRICING_CATEGORIES,
  type ChargeReason,
  type PricingCategory,
} from '../../pricing/pricing.types';
import { normalizeCurrencyCode } from '../../pricing/rate-cards/meta-csv.util';
import { selectRateCard } from '../../pricing/rate-cards/select-rate-card.util';
import type { MessageScope } from '../utils/build-message-where.util';
import { buildRollupWhere, nullIfEmpty } from '../utils/build-rollup-where.util';
import { compareNullableText } from '../utils/compare-nullable-text.util';
import { compareTierLabels } from '../utils/compare-tier-labels.util';
import { parseMonth } from '../utils/parse-month.util';
import { SqlParameters, driverOf, sumMicrosAsText } from '../../database/sql-dialect';

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

export interface StatementLineResult {
  market: string;
  pricingCategory: PricingCategory;
  tier: string | null;
  quantity: number;
  rate: Decimal;
  amount: Decimal;
}

/** Unpriced (NO_RATE) messages of one market and pricing category. */
export interface UnpricedLineResult {
  market: string;
  pricingCategory: PricingCategory;
  quantity: number;
}

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

interface WabaRow {
  waba_id: string;
  name: string | null;
  portfolio_id: string;
  portfolio_name: string | null;
  currency: string;
  timezone: string;
}

interface LineRow {
  market: string | null;
  category: string | null;
  tier: string | null;
  rate: string | null;
  quantity: string | number;
  micros: string;
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
    if (request.currency && normalizeCurrencyCode(request.currency) === null) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `currency must be a 3-letter ISO 4217 code such as "USD"; got ${JSON.stringify(request.currency)}`,
      );
    }
    const wabas = await this.wabasInScope(reader, request);
    const scope: MessageScope = {
      months: [request.month],
      ...(request.wabaId
        ? { wabaIds: [request.wabaId] }
        : { portfolioIds: [wabas[0].portfolio_id] }),
    };
    const currency = await this.statementCurrency(reader, request, wabas, scope);
    const inCurrency: MessageScope = { ...scope, currencies: [currency] };
    const portfolioId = wabas[0].portfolio_id;
    const portfolioName = wabas[0].portfolio_name;
    const [counts, lines, unpriced, rateCards] = await Promise.all([
      this.countsByReason(reader, inCurrency),
      this.billedLines(reader, inCurrency),
      this.unpricedLines(reader, inCurrency),
      this.rateCardNames(reader, inCurrency, currency),
    ]);
    const exactTotal = lines.reduce((sum, line) => sum.plus(line.amount), new Money(0));
    const count = (reason: ChargeReason) => counts.get(reason) ?? 0;
    if (unpriced.total !== count('NO_RATE')) {
      throw new Error(
        `unpriced lines hold ${unpriced.total} messages but NO_RATE counts ${count('NO_RATE')}`,
      );
    }
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

  private async wabasInScope(
    reader: SnapshotReader,
    request: StatementRequest,
  ): Promise<WabaRow[]> {
    if (Boolean(request.wabaId) === Boolean(request.portfolioId)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'a statement needs exactly one of wabaId or portfolioId',
      );
    }
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const [column, id] = request.wabaId
      ? ['waba_id', request.wabaId]
      : ['portfolio_id', request.portfolioId as string];
    const wabas = (await reader.query(
      `SELECT w.waba_id, w.name, w.portfolio_id, p.name AS portfolio_name, w.currency, w.timezone
         FROM wabas w LEFT JOIN portfolios p ON p.id = w.portfolio_id
        WHERE w.${column} = ${parameters.add(id)} ORDER BY w.waba_id`,
      parameters.values,
    )) as WabaRow[];
    if (wabas.length === 0) {
      throw new DomainError(
        'NOT_FOUND',
        request.wabaId ? `unknown WABA "${id}"` : `no WABA belongs to portfolio "${id}"`,
      );
    }
    return wabas;
  }

  /** The requested currency, else the one currency the month was charged in (or the WABAs bill in). */
  private async statementCurrency(
    reader: SnapshotReader,
    request: StatementRequest,
    wabas: readonly WabaRow[],
    scope: MessageScope,
  ): Promise<string> {
    if (request.currency) return normalizeCurrencyCode(request.currency)!;
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const charged = (await reader.query(
      `SELECT DISTINCT charge_currency AS currency FROM charge_rollups
        WHERE ${buildRollupWhere(scope, parameters)} ORDER BY charge_currency`,
      parameters.values,
    )) as { currency: string }[];
    const currencies =
      charged.length > 0
        ? charged.map((row) => row.currency)
        : [...new Set(wabas.map((waba) => waba.currency))].sort();
    if (currencies.length > 1) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `${request.month} was charged in ${currencies.join(', ')}; a statement covers one currency: pass currency (or a wabaId)`,
      );
    }
    return currencies[0];
  }

  private async countsByReason(
    reader: SnapshotReader,
    scope: MessageScope,
  ): Promise<Map<string, number>> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const rows = (await reader.query(
      `SELECT charge_reason AS reason, SUM(messages) AS quantity FROM charge_rollups
        WHERE ${buildRollupWhere(scope, parameters)} GROUP BY charge_reason`,
      parameters.values,
    )) as { reason: string; quantity: string | number }[];
    return new Map(rows.map((row) => [row.reason, Number(row.quantity)]));
  }

  /**
   * NO_RATE messages by market and pricing category, from the same rollups; those whose market
   * or category is unknown (a template whose category was never recorded) are counted apart.
   */
  private async unpricedLines(
    reader: SnapshotReader,
    scope: MessageScope,
  ): Promise<{ lines: UnpricedLineResult[]; unclassified: number; total: number }> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const rows = (await reader.query(
      `SELECT charge_market AS market, charge_pricing_category AS category,
              SUM(messages) AS quantity
         FROM charge_rollups
        WHERE ${buildRollupWhere({ ...scope, reasons: ['NO_RATE'] }, parameters)}
        GROUP BY charge_market, charge_pricing_category`,
      parameters.values,
    )) as { market: string | null; category: string | null; quantity: string | number }[];
    const lines: UnpricedLineResult[] = [];
    let unclassified = 0;
    let total = 0;
    for (const row of rows) {
      const market = nullIfEmpty(row.market);
      const category = nullIfEmpty(row.category);
      const quantity = Number(row.quantity);
      if (quantity === 0) continue;
      total += quantity;
      if (market === null || category === null) unclassified += quantity;
      else lines.push({ market, pricingCategory: category as PricingCategory, quantity });
    }
    lines.sort(
      (a, b) =>
        compareNullableText(a.market, b.market) ||
        PRICING_CATEGORIES.indexOf(a.pricingCategory) -
          PRICING_CATEGORIES.indexOf(b.pricingCategory),
    );
    return { lines, unclassified, total };
  }

  /**
   * Billed lines grouped by rate as well, so that quantity × rate is each line's amount exactly;
   * the micro-unit sum of the same rows is checked against it.
   */
  private async billedLines(
    reader: SnapshotReader,
    scope: MessageScope,
  ): Promise<StatementLineResult[]> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const rows = (await reader.query(
      `SELECT charge_market AS market, charge_pricing_category AS category, charge_tier AS tier,
              charge_rate AS rate, SUM(messages) AS quantity,
              ${sumMicrosAsText(parameters.dialect, 'amount_micros')} AS micros
         FROM charge_rollups
        WHERE ${buildRollupWhere({ ...scope, reasons: ['BILLED'] }, parameters)}
        GROUP BY charge_market, charge_pricing_category, charge_tier, charge_rate`,
      parameters.values,
    )) as LineRow[];
    const lines = new Map<string, StatementLineResult & { micros: Decimal }>();
    for (const raw of rows) {
      const row: LineRow = {
        ...raw,
        market: nullIfEmpty(raw.market),
        category: nullIfEmpty(raw.category),
        tier: nullIfEmpty(raw.tier),
        rate: nullIfEmpty(raw.rate),
      };
      if (row.market === null || row.category === null || row.rate === null) {
        throw new Error(
          `billed messages without market, category or rate (${JSON.stringify(row)}): re-rate them`,
        );
      }
      const rate = money(row.rate);
      const key = [row.market, row.category, row.tier ?? '', toDecimalString(rate)].join('\u0000');
      const line = lines.get(key) ?? {
        market: row.market,
        pricingCategory: row.category as PricingCategory,
        tier: row.tier,
        quantity: 0,
        rate,
        amount: new Money(0),
        micros: new Money(0),
      };
      line.quantity += Number(row.quantity);
      line.amount = rate.times(line.quantity);
      line.micros = line.micros.plus(fromMicros(row.micros));
      lines.set(key, line);
    }
    const result = [...lines.values()].map(({ micros, ...line }) => {
      if (!micros.equals(line.amount)) {
        throw new Error(
          `statement line ${line.market}/${line.pricingCategory}/${line.tier ?? '-'} at ${line.rate.toFixed()}: ` +
            `${line.quantity} × rate = ${line.amount.toFixed()} but the charges sum to ${micros.toFixed()}`,
        );
      }
      return line;
    });
    return result.sort(
      (a, b) =>
        compareNullableText(a.market, b.market) ||
        PRICING_CATEGORIES.indexOf(a.pricingCategory) -
          PRICING_CATEGORIES.indexOf(b.pricingCategory) ||
        compareTierLabels(a.tier, b.tier) ||
        a.rate.comparedTo(b.rate),
    );
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
    scope: MessageScope,
    currency: string,
  ): Promise<string[]> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const days = (await reader.query(
      `SELECT DISTINCT charge_day AS day FROM charge_rollups
        WHERE ${buildRollupWhere({ ...scope, reasons: ['BILLED'] }, parameters)}`,
      parameters.values,
    )) as { day: string }[];
    if (days.length === 0) return [];
    const lastDay = days.reduce((last, row) => (row.day > last ? row.day : last), '');
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
    for (const { day } of days) {
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
