import { DomainError } from '../../common/errors/domain.error';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Checks a `YYYY-MM` month and returns its year and month number (1-12). */
export function parseMonth(month: string, field = 'month'): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field} must be YYYY-MM, e.g. "2026-03"; got "${month}"`,
    );
  }
  return { year: Number(match[1]), month: Number(match[2]) };
}
