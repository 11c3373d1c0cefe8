import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Decimal from 'decimal.js';
import { DataSource } from 'typeorm';
import { fromMicros, money } from '../../pricing/money';
import type { ChargeReason, PricingCategory } from '../../pricing/pricing.types';
import { ReconciliationKind } from '../enums/reconciliation-kind.enum';
import { buildMessageWhere } from '../utils/build-message-where.util';
import { compareNullableText } from '../utils/compare-nullable-text.util';
import { ReadSnapshot, type SnapshotReader } from '../../database/read-snapshot.service';
import { SqlParameters, driverOf, sumMicrosAsText } from '../../database/sql-dialect';
import { validateReportRange } from '../utils/validate-report-range.util';

export interface ReconciliationRequest {
  from: Date;
  to: Date;
  wabaId?: string | null;
  portfolioId?: string | null;
  /** Disagreeing messages to list, after the message `afterId` (null: from the first). */
  first: number;
  afterId: number | null;
}

export interface ReconciliationGroupResult {
  kind: ReconciliationKind;
  currency: string;
  messages: number;
  /** The final charges' amount; null for META_FREE_ESTIMATE_BILLED (the final charge is 0). */
  amountAtStake: Decimal | null;
}

export interface ReconciliationItemResult {
  /** The message's row id: the list's order. */
  id: number;
  kind: ReconciliationKind;
  wamid: string;
  phoneNumberId: string;
  wabaId: string;
  chargeAt: Date | null;
  chargeBillable: boolean;
  chargeReason: ChargeReason;
  chargePricingCategory: PricingCategory | null;
  estimateBillable: boolean;
  estimateReason: ChargeReason;
  estimatePricingCategory: PricingCategory | null;
  amount: Decimal;
  currency: string;
}

export interface ReconciliationResult {
  groups: ReconciliationGroupResult[];
  items: ReconciliationItemResult[];
  hasNextPage: boolean;
}

/** Classifies a META-decided row; rows where Meta and the estimate agree get NULL. */
const KIND_SQL = `CASE
    WHEN charge_billable AND NOT estimate_billable THEN '${ReconciliationKind.META_BILLED_ESTIMATE_FREE}'
    WHEN estimate_billable AND NOT charge_billable THEN '${ReconciliationKind.META_FREE_ESTIMATE_BILLED}'
    WHEN charge_pricing_category IS DISTINCT FROM estimate_pricing_category
      THEN '${ReconciliationKind.CATEGORY_DIFFERS}'
  END`;

/**
 * The rows KIND_SQL classifies (Meta decided, and the estimate disagrees), written exactly as the
 * predicate of the partial index that should serve reconciliation:
 *   CREATE INDEX idx_messages_disagreements ON messages (charge_at)
 *    WHERE charge_source = 'META' AND (charge_billable <> estimate_billable
 *          OR charge_pricing_category IS DISTINCT FROM estimate_pricing_category)
 * (SQLite and PostgreSQL use a partial index only when the query repeats its predicate terms.)
 */
export const DISAGREEMENT_SQL = `charge_source = 'META' AND (charge_billable <> estimate_billable
      OR charge_pricing_category IS DISTINCT FROM estimate_pricing_category)`;

const KIND_ORDER = Object.values(ReconciliationKind);

const ITEM_COLUMNS = [
  'id',
  'wamid',
  'phone_number_id',
  'waba_id',
  'charge_at',
  'charge_billable',
  'charge_reason',
  'charge_pricing_category',
  'estimate_billable',
  'estimate_reason',
  'estimate_pricing_category',
  'charge_amount',
  'charge_amount_micros',
  'charge_currency',
].join(', ');

interface ItemRow {
  id: string | number;
  disagreement: ReconciliationKind;
  wamid: string;
  phone_number_id: string;
  waba_id: string;
  charge_at: string | number | null;
  charge_billable: boolean | number;
  charge_reason: ChargeReason;
  charge_pricing_category: PricingCategory | null;
  estimate_billable: boolean | number;
  estimate_reason: ChargeReason;
  estimate_pricing_category: PricingCategory | null;
  charge_amount: string;
  charge_currency: string;
}

/** Where Meta's pricing verdict and the engine's own estimate disagree, with the money at stake. */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly snapshot: ReadSnapshot,
  ) {}

  async reconciliation(request: ReconciliationRequest): Promise<ReconciliationResult> {
    validateReportRange(request.from, request.to);
    const { first } = request;
    // The groups and the page come from one snapshot, so that they agree.
    const [groups, page] = await this.snapshot.run((reader) =>
      Promise.all([
        this.groups(reader, request),
        this.items(reader, request, request.afterId ?? 0, first),
      ]),
    );
    return {
      groups,
      items: page.slice(0, first).map(toItem),
      hasNextPage: page.length > first,
    };
  }

  private disagreementsSql(request: ReconciliationRequest, parameters: SqlParameters): string {
    const where = buildMessageWhere(
      {
        from: request.from,
        to: request.to,
        ...(request.wabaId ? { wabaIds: [request.wabaId] } : {}),
        ...(request.portfolioId ? { portfolioIds: [request.portfolioId] } : {}),
      },
      parameters,
    );
    return `SELECT ${ITEM_COLUMNS}, ${KIND_SQL} AS disagreement FROM messages
             WHERE ${where} AND ${DISAGREEMENT_SQL}`;
  }

  private async groups(
    reader: SnapshotReader,
    request: ReconciliationRequest,
  ): Promise<ReconciliationGroupResult[]> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const rows = (await reader.query(
      `SELECT disagreement AS kind, charge_currency AS currency, COUNT(*) AS messages,
              ${sumMicrosAsText(parameters.dialect)} AS micros
         FROM (${this.disagreementsSql(request, parameters)}) disagreements
        WHERE disagreement IS NOT NULL
        GROUP BY disagreement, charge_currency`,
      parameters.values,
    )) as {
      kind: ReconciliationKind;
      currency: string;
      messages: string | number;
      micros: string;
    }[];
    return rows
      .map((row) => ({
        kind: row.kind,
        currency: row.currency,
        messages: Number(row.messages),
        amountAtStake:
          row.kind === ReconciliationKind.META_FREE_ESTIMATE_BILLED ? null : fromMicros(row.micros),
      }))
      .sort(
        (a, b) =>
          KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
          compareNullableText(a.currency, b.currency),
      );
  }

  private async items(
    reader: SnapshotReader,
    request: ReconciliationRequest,
    afterId: number,
    first: number,
  ): Promise<ItemRow[]> {
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const inner = this.disagreementsSql(request, parameters);
    return (await reader.query(
      `SELECT * FROM (${inner}) disagreements
        WHERE disagreement IS NOT NULL AND id > ${parameters.add(afterId)}
        ORDER BY id LIMIT ${parameters.add(first + 1)}`,
      parameters.values,
    )) as ItemRow[];
  }
}

function toItem(row: ItemRow): ReconciliationItemResult {
  return {
    id: Number(row.id),
    kind: row.disagreement,
    wamid: row.wamid,
    phoneNumberId: row.phone_number_id,
    wabaId: row.waba_id,
    chargeAt: row.charge_at === null ? null : new Date(Number(row.charge_at)),
    chargeBillable: Boolean(row.charge_billable),
    chargeReason: row.charge_reason,
    chargePricingCategory: row.charge_pricing_category,
    estimateBillable: Boolean(row.estimate_billable),
    estimateReason: row.estimate_reason,
    estimatePricingCategory: row.estimate_pricing_category,
    amount: money(row.charge_amount),
    currency: row.charge_currency,
  };
}
