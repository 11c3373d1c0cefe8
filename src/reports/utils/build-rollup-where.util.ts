import { buildMessageWhere, type MessageScope } from './build-message-where.util';
import type { SqlParameters } from '../../database/sql-dialect';

/** Local calendar days [fromDay, toDay) (YYYY-MM-DD, each WABA's timezone) on charge_day. */
export interface RollupDayRange {
  fromDay: string;
  toDay: string;
}

/**
 * The WHERE conditions on charge_rollups for a scope without instants (`from`/`to` must have been
 * translated into `days` or made redundant by `months`). Rollups store absent values as '', which
 * no message value can equal in a messages IN list (NULL never matches), so '' is dropped from the
 * lists; rows that net to zero messages are ignored.
 */
export function buildRollupWhere(
  scope: Omit<MessageScope, 'from' | 'to'>,
  parameters: SqlParameters,
  days?: RollupDayRange | null,
): string {
  const lists = Object.fromEntries(
    Object.entries(scope)
      .filter(([key]) => key !== 'from' && key !== 'to')
      .map(([key, values]) => [
        key,
        Array.isArray(values) ? (values as string[]).filter((value) => value !== '') : values,
      ]),
  ) as Omit<MessageScope, 'from' | 'to'>;
  const conditions = [buildMessageWhere(lists, parameters), 'messages <> 0'];
  if (days) {
    conditions.push(`charge_day >= ${parameters.add(days.fromDay)}`);
    conditions.push(`charge_day < ${parameters.add(days.toDay)}`);
  }
  return conditions.join(' AND ');
}

/** A rollup key column read back: '' (absent) is null, as in messages. */
export function nullIfEmpty(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : value;
}
