import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SqlDialect } from '../../database/sql-dialect';
import { compareInSequence } from '../../pricing/engine/charge-messages';
import { sequenceKey, toMillis } from '../utils/engine-message-row.util';
import type { MessageRow } from './message-row-reader.service';

/** A place in a counter: the charge instant, then wamid, then row id break ties. */
export interface SequencePoint {
  at: number;
  wamid: string;
  id: number;
}

/** A point as `compareInSequence` orders it against classifications. */
export function pointKey(point: SequencePoint) {
  return { chargeAt: new Date(point.at), messageId: sequenceKey(point.wamid, point.id) };
}

function pointParameters(point: SequencePoint): unknown[] {
  return [point.at, point.at, point.wamid, point.wamid, point.id];
}

/**
 * The stored places of volume-tier and free-allowance counters (`sequence_group`,
 * `sequence_ordinal`), in counter order: charge instant, wamid, row id.
 */
@Injectable()
export class CounterPlaces {
  private readonly sql: SqlDialect;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.sql = new SqlDialect(dataSource);
  }

  /** Ids of the stored members of a counter at or after a point: their places may shift. */
  async membersFrom(group: string, point: SequencePoint): Promise<number[]> {
    const rows: { id: number | string }[] = await this.sql.query(
      `SELECT id FROM messages WHERE sequence_group = ${this.sql.param(1)} AND NOT ${this.beforePoint(2)}`,
      [group, ...pointParameters(point)],
    );
    return rows.map((row) => Number(row.id));
  }

  /**
   * How many stored members of a counter come before a point, leaving out `reclassified` (the
   * rows being re-classified now). The last stored member before the point carries its place:
   * every re-rate renumbers a counter from its first changed place on, so the places before a
   * point run 1..n in order. Reading that one row is a short walk down an index, where counting
   * read every earlier member of the month (tens of milliseconds a batch on PostgreSQL at a few
   * hundred thousand messages, and growing with the month). A member without a place falls back
   * to it.
   */
  async countBefore(
    group: string,
    point: SequencePoint,
    reclassified: readonly MessageRow[],
  ): Promise<number> {
    const p = (index: number) => this.sql.param(index);
    const wamid = this.sql.binary('wamid');
    // `beforePoint`'s OR made SQLite merge two index searches and sort every earlier member; a
    // range on charge_at lets both databases walk the index backwards and stop at the first row.
    const last: { sequence_ordinal: number | string | null }[] = await this.sql.query(
      `SELECT sequence_ordinal FROM messages
        WHERE sequence_group = ${p(1)} AND charge_at <= ${p(2)}
          AND NOT (charge_at = ${p(3)} AND (${wamid} > ${p(4)} OR (wamid = ${p(5)} AND id >= ${p(6)})))
        ORDER BY charge_at DESC, ${wamid} DESC, id DESC LIMIT 1`,
      [group, ...pointParameters(point)],
    );
    if (last.length === 0) return 0;
    if (last[0].sequence_ordinal === null)
      return this.countStoredBefore(
        group,
        point,
        reclassified.map((row) => row.id),
      );
    const reclassifiedStoredBefore = reclassified.filter((row) => {
      const storedAt = toMillis(row.charge_at);
      return (
        row.sequence_group === group &&
        storedAt !== null &&
        compareInSequence(
          pointKey({ at: storedAt, wamid: row.wamid, id: row.id }),
          pointKey(point),
        ) < 0
      );
    }).length;
    return Number(last[0].sequence_ordinal) - reclassifiedStoredBefore;
  }

  private async countStoredBefore(
    group: string,
    point: SequencePoint,
    excluded: number[],
  ): Promise<number> {
    const params: unknown[] = [group, ...pointParameters(point)];
    const exclusion =
      excluded.length > 0 ? ` AND id NOT IN (${this.sql.params(7, excluded.length)})` : '';
    params.push(...excluded);
    const rows: { count: string | number }[] = await this.sql.query(
      `SELECT COUNT(*) AS count FROM messages WHERE sequence_group = ${this.sql.param(1)} AND ${this.beforePoint(2)}${exclusion}`,
      params,
    );
    return Number(rows[0].count);
  }

  /** Rows ordered before a counter point: (charge_at, wamid, id) below (at, wamid, id). */
  private beforePoint(first: number): string {
    const p = (offset: number) => this.sql.param(first + offset);
    const wamid = this.sql.binary('wamid');
    return `(charge_at < ${p(0)} OR (charge_at = ${p(1)} AND (${wamid} < ${p(2)} OR (wamid = ${p(3)} AND id < ${p(4)}))))`;
  }
}
