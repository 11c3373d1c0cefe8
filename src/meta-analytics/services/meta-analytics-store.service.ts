import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParameters, driverOf } from '../../database/sql-dialect';
import type { MetaPricingDataPoint } from '../meta-analytics.types';

const COLUMNS = [
  'waba_id',
  'bucket_start',
  'bucket_end',
  'phone_number',
  'country',
  'pricing_category',
  'pricing_type',
  'tier',
  'volume',
  'cost',
  'source',
  'fetched_at',
];
const KEY = COLUMNS.slice(0, 8);
const ROWS_PER_STATEMENT = 500;

export interface StoredDataPoint extends MetaPricingDataPoint {
  wabaId: string;
}

/** Writes and reads the meta_pricing_analytics table. */
@Injectable()
export class MetaAnalyticsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Upserts data points (a bucket's key stored twice is one row; the later figures win). With
   * `replace`, the WABA's stored points whose bucket lies inside [from, to) and that the new
   * answer no longer has are removed first, in the same transaction: a pull of a range replaces
   * it. File imports only upsert (a file may hold part of a range).
   */
  async save(
    wabaId: string,
    points: readonly MetaPricingDataPoint[],
    source: 'API' | 'FILE',
    fetchedAt: Date,
    replace: { from: Date; to: Date } | null,
  ): Promise<number> {
    const unique = new Map<string, MetaPricingDataPoint>();
    for (const point of points) {
      unique.set(
        [
          point.start,
          point.end,
          point.phoneNumber ?? '',
          point.country ?? '',
          point.pricingCategory ?? '',
          point.pricingType ?? '',
          point.tier ?? '',
        ].join('\u0000'),
        point,
      );
    }
    const rows = [...unique.values()];
    await this.dataSource.transaction(async (manager) => {
      if (replace !== null) {
        const parameters = new SqlParameters(driverOf(this.dataSource));
        await manager.query(
          `DELETE FROM meta_pricing_analytics
            WHERE waba_id = ${parameters.add(wabaId)}
              AND bucket_start >= ${parameters.add(replace.from.getTime())}
              AND bucket_end <= ${parameters.add(replace.to.getTime())}`,
          parameters.values,
        );
      }
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        await this.upsert(
          manager,
          wabaId,
          rows.slice(start, start + ROWS_PER_STATEMENT),
          source,
          fetchedAt,
        );
      }
    });
    return rows.length;
  }

  /** The stored points of these WABAs whose bucket starts in [from, to). */
  async points(wabaIds: readonly string[], from: Date, to: Date): Promise<StoredDataPoint[]> {
    if (wabaIds.length === 0) return [];
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const rows = (await this.dataSource.query(
      `SELECT waba_id, bucket_start, bucket_end, phone_number, country, pricing_category,
              pricing_type, tier, volume, cost
         FROM meta_pricing_analytics
        WHERE waba_id IN (${parameters.list(wabaIds)})
          AND bucket_start >= ${parameters.add(from.getTime())}
          AND bucket_start < ${parameters.add(to.getTime())}
        ORDER BY waba_id, bucket_start, country, pricing_category, pricing_type, tier, phone_number`,
      parameters.values,
    )) as {
      waba_id: string;
      bucket_start: string | number;
      bucket_end: string | number;
      phone_number: string;
      country: string;
      pricing_category: string;
      pricing_type: string;
      tier: string;
      volume: string | number;
      cost: string;
    }[];
    const orNull = (value: string) => (value === '' ? null : value);
    return rows.map((row) => ({
      wabaId: row.waba_id,
      start: Number(row.bucket_start) / 1000,
      end: Number(row.bucket_end) / 1000,
      phoneNumber: orNull(row.phone_number),
      country: orNull(row.country),
      pricingCategory: orNull(row.pricing_category),
      pricingType: orNull(row.pricing_type),
      tier: orNull(row.tier),
      volume: Number(row.volume),
      cost: row.cost,
    }));
  }

  private async upsert(
    manager: EntityManager,
    wabaId: string,
    points: readonly MetaPricingDataPoint[],
    source: string,
    fetchedAt: Date,
  ): Promise<void> {
    if (points.length === 0) return;
    const parameters = new SqlParameters(driverOf(this.dataSource));
    const tuples = points.map(
      (point) =>
        `(${parameters.list([
          wabaId,
          point.start * 1000,
          point.end * 1000,
          point.phoneNumber ?? '',
          point.country ?? '',
          point.pricingCategory ?? '',
          point.pricingType ?? '',
          point.tier ?? '',
          point.volume,
          point.cost,
          source,
          fetchedAt.getTime(),
        ])})`,
    );
    await manager.query(
      `INSERT INTO meta_pricing_analytics (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}
         ON CONFLICT (${KEY.join(', ')}) DO UPDATE SET
           volume = excluded.volume, cost = excluded.cost, source = excluded.source,
           fetched_at = excluded.fetched_at`,
      parameters.values,
    );
  }
}
