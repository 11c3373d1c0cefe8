import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { findWabasInScope } from '../../accounts/utils/find-wabas-in-scope.util';
import { DomainError } from '../../common/errors/domain.error';
import { SqlParameters, driverOf, sumMicrosAsText } from '../../database/sql-dialect';
import { currencyMinorUnits, fromMicros, money, Money } from '../../pricing/money';
import type { ChargeReason } from '../../pricing/pricing.types';
import { addMonths, startOfLocalDate } from '../../pricing/time/local-time.util';
import { nullIfEmpty } from '../../reports/utils/build-rollup-where.util';
import { compareNullableText } from '../../reports/utils/compare-nullable-text.util';
import { compareTierLabels } from '../../reports/utils/compare-tier-labels.util';
import { parseMonth } from '../../reports/utils/parse-month.util';
import { alignMetaBucket } from '../utils/align-meta-bucket.util';
import {
  assignReconciliationCauses,
  type ReconciliationCell,
  type ReconciliationLineResult,
} from '../utils/assign-reconciliation-causes.util';
import { comparisonTier } from '../utils/comparison-tier.util';
import { FREE_ENTRY_POINT_CATEGORY, metaKeyOfCharge } from '../utils/meta-key-of-charge.util';
import { MetaAnalyticsService } from './meta-analytics.service';
import { MetaAnalyticsStore } from './meta-analytics-store.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The reasons Meta's analytics count (mapped by metaKeyOfCharge), and PENDING for the causes. */
const COMPARED_REASONS: ChargeReason[] = [
  'BILLED',
  'NO_RATE',
  'FREE_CUSTOMER_SERVICE_WINDOW',
  'FREE_TIER',
  'FREE_CBP_CONVERSATION',
  'FREE_ENTRY_POINT',
];

export interface MetaReconciliationRequest {
  month: string;
  wabaId?: string | null;
  portfolioId?: string | null;
}

export interface MetaReconciliationResult {
  month: string;
  currency: string;
  wabaIds: string[];
  metaVolume: number;
  ourVolume: number;
  metaCost: Decimal;
  ourCost: Decimal;
  /** Only the keys where Meta and we differ, each with its likeliest cause. */
  lines: ReconciliationLineResult[];
}

interface Bucket {
  start: number;
  end: number;
  aligned: boolean;
}

/**
 * Meta's pricing_analytics beside our charges for a month (each WABA's local month), per WABA ×
 * local day × country × pricing category × pricing type × tier, with the likeliest cause of each
 * difference. Our side reads charge_rollups; only the timezone-edge check reads messages, for the
 * days whose Meta bucket is not the WABA's local day.
 */
@Injectable()
export class MetaReconciliationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: MetaAnalyticsStore,
    private readonly analytics: MetaAnalyticsService,
  ) {}

  async reconcile(request: MetaReconciliationRequest): Promise<MetaReconciliationResult> {
    parseMonth(request.month);
    const wabas = await findWabasInScope(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      driverOf(this.dataSource),
      request,
    );
    const currencies = [...new Set(wabas.map((waba) => waba.currency))].sort();
    if (currencies.length > 1) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `the portfolio's WABAs bill in ${currencies.join(', ')}; Meta's costs are in each WABA's currency: reconcile per WABA`,
      );
    }
    const currency = currencies[0];
    const timezoneOf = new Map(wabas.map((waba) => [waba.waba_id, waba.timezone]));
    const wabaIds = wabas.map((waba) => waba.waba_id);
    const cells = new Map<string, ReconciliationCell>();
    const cellOf = (
      key: Omit<
        ReconciliationCell,
        'metaVolume' | 'metaCost' | 'metaPoints' | 'ourVolume' | 'ourCost' | 'ourUnpriced'
      >,
    ) => {
      const id = [key.wabaId, key.day, key.country, key.pricingCategory, key.pricingType, key.tier]
        .map((part) => part ?? '')
        .join('\u0000');
      let cell = cells.get(id);
      if (cell === undefined) {
        cell = {
          ...key,
          metaVolume: 0,
          metaCost: new Money(0),
          metaPoints: 0,
          ourVolume: 0,
          ourCost: new Money(0),
          ourUnpriced: 0,
        };
        cells.set(id, cell);
      }
      return cell;
    };

    // Meta's side: each bucket placed on the WABA's local day that holds its middle.
    const buckets = new Map<string, Bucket>();
    const earliest = Math.min(
      ...wabas.map((waba) => startOfLocalDate(`${request.month}-01`, waba.timezone).getTime()),
    );
    const latest = Math.max(
      ...wabas.map((waba) =>
        startOfLocalDate(`${addMonths(request.month, 1)}-01`, waba.timezone).getTime(),
      ),
    );
    for (const point of await this.store.points(
      wabaIds,
      new Date(earliest - DAY_MS),
      new Date(latest + DAY_MS),
    )) {
      const timezone = timezoneOf.get(point.wabaId)!;
      const placed = alignMetaBucket(point.start, point.end, timezone);
      if (!placed.day.startsWith(request.month)) continue;
      buckets.set(`${point.wabaId}|${placed.day}`, {
        start: point.start * 1000,
        end: point.end * 1000,
        aligned: placed.aligned,
      });
      const pricingType = point.pricingType;
      const cell = cellOf({
        wabaId: point.wabaId,
        day: placed.day,
        country: point.country,
        pricingCategory:
          pricingType === 'FREE_ENTRY_POINT' ? FREE_ENTRY_POINT_CATEGORY : point.pricingCategory,
        pricingType,
        tier: comparisonTier(pricingType, point.tier),
      });
      cell.metaVolume += point.volume;
      cell.metaCost = cell.metaCost.plus(money(point.cost));
      cell.metaPoints += 1;
    }

    // Our side, from the rollups.
    const pending = new Map<string, number>();
    for (const row of await this.ourCharges(wabaIds, request.month, currency)) {
      const reason = row.reason as ChargeReason;
      const category = nullIfEmpty(row.category);
      const country = nullIfEmpty(row.country);
      const quantity = Number(row.quantity);
      if (reason === 'PENDING') {
        // A pending message has no category yet (it is charged once delivered).
        const key = [row.waba_id, row.day, country ?? ''].join('|');
        pending.set(key, (pending.get(key) ?? 0) + quantity);
        continue;
      }
      const key = metaKeyOfCharge(reason, category);
      if (key === null) continue;
      const cell = cellOf({
        wabaId: row.waba_id,
        day: row.day,
        country,
        pricingCategory: key.pricingCategory,
        pricingType: key.pricingType,
        tier: comparisonTier(key.pricingType, nullIfEmpty(row.tier)),
      });
      cell.ourVolume += quantity;
      cell.ourCost = cell.ourCost.plus(fromMicros(row.micros));
      if (reason === 'NO_RATE') cell.ourUnpriced += quantity;
    }

    const all = [...cells.values()];
    const coverage = await this.analytics.coverage(wabaIds);
    const daysWithPoints = new Set(buckets.keys());
    const recounts = await this.recounts(all, buckets, timezoneOf);
    const lines = assignReconciliationCauses(all, {
      halfMinorUnit: new Money(1)
        .dividedBy(new Money(10).pow(currencyMinorUnits(currency)))
        .dividedBy(2),
      covered: (wabaId, day) => {
        if (daysWithPoints.has(`${wabaId}|${day}`)) return true;
        const timezone = timezoneOf.get(wabaId)!;
        const middle =
          (startOfLocalDate(day, timezone).getTime() +
            startOfLocalDate(nextDay(day), timezone).getTime()) /
          2;
        return (coverage.get(wabaId) ?? []).some(
          (range) => range.from <= middle && middle < range.to,
        );
      },
      recount: (cell) => recounts.get(cell),
      pending: (wabaId, day, country) => pending.get([wabaId, day, country ?? ''].join('|')) ?? 0,
    });
    lines.sort(
      (a, b) =>
        compareNullableText(a.day, b.day) ||
        compareNullableText(a.wabaId, b.wabaId) ||
        compareNullableText(a.country, b.country) ||
        compareNullableText(a.pricingCategory, b.pricingCategory) ||
        compareNullableText(a.pricingType, b.pricingType) ||
        compareTierLabels(a.tier, b.tier),
    );
    return {
      month: request.month,
      currency,
      wabaIds,
      metaVolume: all.reduce((sum, cell) => sum + cell.metaVolume, 0),
      ourVolume: all.reduce((sum, cell) => sum + cell.ourVolume, 0),
      metaCost: all.reduce((sum, cell) => sum.plus(cell.metaCost), new Money(0)),
      ourCost: all.reduce((sum, cell) => sum.plus(cell.ourCost), new Money(0)),
      lines,
    };
  }

  private async ourCharges(wabaIds: string[], month: string, currency: string) {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    return (await this.dataSource.query(
      `SELECT waba_id, charge_day AS day, charge_country AS country,
              charge_pricing_category AS category, charge_reason AS reason, charge_tier AS tier,
              SUM(messages) AS quantity, ${sumMicrosAsText(parameters.dialect, 'amount_micros')} AS micros
         FROM charge_rollups
        WHERE waba_id IN (${parameters.list(wabaIds)})
          AND charge_month = ${parameters.add(month)}
          AND charge_currency = ${parameters.add(currency)}
          AND charge_reason IN (${parameters.list([...COMPARED_REASONS, 'PENDING'])})
          AND messages <> 0
        GROUP BY waba_id, charge_day, charge_country, charge_pricing_category, charge_reason, charge_tier`,
      parameters.values,
    )) as {
      waba_id: string;
      day: string;
      country: string;
      category: string;
      reason: string;
      tier: string;
      quantity: string | number;
      micros: string;
    }[];
  }

  /**
   * For the days whose Meta bucket is not the WABA's local day and where volumes differ: our
   * messages counted over Meta's bucket, by key. A day without Meta data takes its bucket from a
   * day that has one (the same offset from local midnight).
   */
  private async recounts(
    cells: readonly ReconciliationCell[],
    buckets: ReadonlyMap<string, Bucket>,
    timezoneOf: ReadonlyMap<string, string>,
  ): Promise<Map<ReconciliationCell, number>> {
    const result = new Map<ReconciliationCell, number>();
    const days = new Map<string, { wabaId: string; day: string; cells: ReconciliationCell[] }>();
    for (const cell of cells) {
      if (cell.metaVolume === cell.ourVolume) continue;
      const key = `${cell.wabaId}|${cell.day}`;
      const entry = days.get(key) ?? { wabaId: cell.wabaId, day: cell.day, cells: [] };
      entry.cells.push(cell);
      days.set(key, entry);
    }
    for (const { wabaId, day, cells: dayCells } of days.values()) {
      const timezone = timezoneOf.get(wabaId)!;
      const bucket = buckets.get(`${wabaId}|${day}`) ?? inferBucket(wabaId, day, timezone, buckets);
      if (bucket === null || bucket.aligned) continue;
      const counts = new Map<string, number>();
      for (const row of await this.countInBucket(wabaId, bucket)) {
        const key = metaKeyOfCharge(row.reason as ChargeReason, nullIfEmpty(row.category));
        if (key === null) continue;
        const id = [
          row.country ?? '',
          key.pricingCategory ?? '',
          key.pricingType,
          comparisonTier(key.pricingType, row.tier) ?? '',
        ].join('|');
        counts.set(id, (counts.get(id) ?? 0) + Number(row.n));
      }
      for (const cell of dayCells) {
        result.set(
          cell,
          counts.get(
            [
              cell.country ?? '',
              cell.pricingCategory ?? '',
              cell.pricingType ?? '',
              cell.tier ?? '',
            ].join('|'),
          ) ?? 0,
        );
      }
    }
    return result;
  }

  private async countInBucket(wabaId: string, bucket: Bucket) {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    return (await this.dataSource.query(
      `SELECT charge_country AS country, charge_pricing_category AS category,
              charge_reason AS reason, charge_tier AS tier, COUNT(*) AS n
         FROM messages
        WHERE waba_id = ${parameters.add(wabaId)}
          AND charge_at >= ${parameters.add(bucket.start)} AND charge_at < ${parameters.add(bucket.end)}
          AND charge_reason IN (${parameters.list(COMPARED_REASONS)})
        GROUP BY charge_country, charge_pricing_category, charge_reason, charge_tier`,
      parameters.values,
    )) as {
      country: string | null;
      category: string | null;
      reason: string;
      tier: string | null;
      n: string | number;
    }[];
  }
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** A day's bucket taken from another day of the same WABA: the same offset from local midnight. */
function inferBucket(
  wabaId: string,
  day: string,
  timezone: string,
  buckets: ReadonlyMap<string, Bucket>,
): Bucket | null {
  for (const [key, bucket] of buckets) {
    const [owner, known] = key.split('|');
    if (owner !== wabaId) continue;
    const offset = bucket.start - startOfLocalDate(known, timezone).getTime();
    return {
      start: startOfLocalDate(day, timezone).getTime() + offset,
      end: startOfLocalDate(nextDay(day), timezone).getTime() + offset,
      aligned: bucket.aligned,
    };
  }
  return null;
}
