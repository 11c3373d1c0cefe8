import { parseMonth } from './parse-month.util';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An instant range that surely contains a calendar month in every timezone (UTC−12 to UTC+14):
 * the UTC month widened by a day on each side. Combined with a `months` filter on charge_month it
 * selects exactly the month as each WABA's timezone sees it, the way a statement does.
 */
export function monthInstantBounds(month: string): { from: Date; to: Date } {
  const parsed = parseMonth(month);
  return {
    from: new Date(Date.UTC(parsed.year, parsed.month - 1, 1) - DAY_MS),
    to: new Date(Date.UTC(parsed.year, parsed.month, 1) + DAY_MS),
  };
}
