import { nextMonth } from '../../pricing/time/local-time.util';
import type Decimal from 'decimal.js';
import { DomainError } from '../../common/errors/domain.error';
import { Money, money } from '../../pricing/money';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months simulations and forecasts price: Meta's per-message pricing is of this century. */
export const FIRST_SIMULATED_MONTH = '2000-01';
export const LAST_SIMULATED_MONTH = '2099-12';

/** A YYYY-MM month from FIRST_SIMULATED_MONTH to LAST_SIMULATED_MONTH. */
export function isMonth(value: string): boolean {
  return (
    MONTH_PATTERN.test(value) && value >= FIRST_SIMULATED_MONTH && value <= LAST_SIMULATED_MONTH
  );
}

/** The problem with a month that is not `isMonth`, for messages. */
export function monthProblem(field: string, value: string): string {
  return `${field} must be YYYY-MM from ${FIRST_SIMULATED_MONTH} to ${LAST_SIMULATED_MONTH}, e.g. "2026-03"; got ${JSON.stringify(value)}`;
}

export function requireMonth(value: string, field: string): string {
  if (!isMonth(value)) throw new DomainError('BAD_USER_INPUT', monthProblem(field, value));
  return value;
}

/** Whole months from `from` to `to` (negative when to is earlier). */
export function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}

export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to; month = nextMonth(month)) months.push(month);
  return months;
}

/** Rounds a non-negative decimal to a whole number of messages, half-up. */
export function roundMessages(value: Decimal): number {
  return value.toDecimalPlaces(0, Money.ROUND_HALF_UP).toNumber();
}

/** count × percent / 100, rounded half-up to whole messages. */
export function shareOf(count: number, percent: Decimal): number {
  return roundMessages(money(String(count)).times(percent).dividedBy(100));
}

/** A Decimal input within bounds, or null when absent. */
export function parsePercent(
  value: string | null | undefined,
  field: string,
  bounds: { min: number; max: number | null; minInclusive: boolean },
): Decimal | null {
  if (value === null || value === undefined) return null;
  let parsed: Decimal;
  try {
    parsed = money(String(value).trim());
  } catch {
    throw new DomainError('BAD_USER_INPUT', `${field} must be a decimal number; got "${value}"`);
  }
  const tooLow = bounds.minInclusive
    ? parsed.lessThan(bounds.min)
    : parsed.lessThanOrEqualTo(bounds.min);
  if (!parsed.isFinite() || tooLow || (bounds.max !== null && parsed.greaterThan(bounds.max))) {
    const range =
      bounds.max === null
        ? `greater than ${bounds.min}`
        : `between ${bounds.min} and ${bounds.max}`;
    throw new DomainError('BAD_USER_INPUT', `${field} must be ${range}; got "${value}"`);
  }
  return parsed;
}
