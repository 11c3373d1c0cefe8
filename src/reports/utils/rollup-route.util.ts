import { localDate, startOfLocalDate } from '../../pricing/time/local-time.util';
import type { RollupDayRange } from './build-rollup-where.util';
import { parseMonth } from './parse-month.util';

/** Every timezone is within UTC−12..UTC+14, so a local month lies within its UTC month ± 14 h. */
export const TIMEZONE_MARGIN_MS = 14 * 60 * 60 * 1000;

const QUARTER_HOUR_MS = 15 * 60 * 1000;
/** Far enough for any DST shift (at most 2 h) to show around a local midnight. */
const MONOTONIC_CHECK_STEPS = 12;

/**
 * True when [from, to) contains every instant of the listed months in every timezone: from is at
 * least 14 h before the first month's UTC start and to at least 14 h after the last month's UTC
 * end. Then `charge_month IN months` alone selects the same messages as the instants plus months.
 */
export function rangeCoversMonths(months: readonly string[], from: Date, to: Date): boolean {
  if (months.length === 0) return false;
  const sorted = [...months].sort();
  const first = parseMonth(sorted[0]);
  const last = parseMonth(sorted[sorted.length - 1]);
  const start = Date.UTC(first.year, first.month - 1, 1);
  const end = Date.UTC(last.year, last.month, 1);
  return from.getTime() <= start - TIMEZONE_MARGIN_MS && to.getTime() >= end + TIMEZONE_MARGIN_MS;
}

/**
 * The local days [fromDay, toDay) equal to the instants [from, to) in every one of the
 * timezones, or null: from and to must both be 12am in each timezone, on the same local dates in
 * all of them. No timezone means no WABA is known, so nothing can be said (null).
 */
export function localDayRange(
  from: Date,
  to: Date,
  timezones: readonly string[],
): RollupDayRange | null {
  if (timezones.length === 0) return null;
  let range: RollupDayRange | null = null;
  for (const timezone of new Set(timezones)) {
    const fromDay = localMidnightDate(from, timezone);
    const toDay = localMidnightDate(to, timezone);
    if (fromDay === null || toDay === null) return null;
    if (range !== null && (range.fromDay !== fromDay || range.toDay !== toDay)) return null;
    range = { fromDay, toDay };
  }
  return range;
}

/**
 * The local date that starts exactly at `instant` in `timezone` (where DST skips 12am, the first
 * instant of the day), provided the local date does not step back across that midnight nearby (a
 * clock set back from after 12am to before it): then "charge instant ≥ instant" is exactly
 * "charge_day ≥ that date". Offsets change only on quarter hours, so checking each quarter hour
 * within 3 h of the instant is exhaustive.
 */
function localMidnightDate(instant: Date, timezone: string): string | null {
  const date = localDate(instant, timezone).date;
  if (startOfLocalDate(date, timezone).getTime() !== instant.getTime()) return null;
  for (let step = -MONOTONIC_CHECK_STEPS; step <= MONOTONIC_CHECK_STEPS; step += 1) {
    if (step === 0) continue;
    const nearby = localDate(new Date(instant.getTime() + step * QUARTER_HOUR_MS), timezone).date;
    if (step < 0 ? nearby >= date : nearby < date) return null;
  }
  return date;
}

/** The YYYY-MM months (UTC) that [from − 14 h, to + 14 h) touches: those a local month of the range can carry. */
export function monthsAround(from: Date, to: Date): string[] {
  const months: string[] = [];
  const start = new Date(from.getTime() - TIMEZONE_MARGIN_MS);
  const end = to.getTime() + TIMEZONE_MARGIN_MS;
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  while (Date.UTC(year, month, 1) < end) {
    months.push(`${year}-${String(month + 1).padStart(2, '0')}`);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return months;
}
