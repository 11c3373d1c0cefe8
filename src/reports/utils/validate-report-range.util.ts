import { DomainError } from '../../common/errors/domain.error';

export const MAX_REPORT_RANGE_DAYS = 400;

/** `from`/`to` are a half-open instant range, non-empty and at most MAX_REPORT_RANGE_DAYS long. */
export function validateReportRange(from: Date, to: Date): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
    throw new DomainError('BAD_USER_INPUT', 'from and to must be valid ISO-8601 instants');
  }
  if (to.getTime() <= from.getTime()) {
    throw new DomainError('BAD_USER_INPUT', 'to must be after from (the range is [from, to))');
  }
  if (to.getTime() - from.getTime() > MAX_REPORT_RANGE_DAYS * 24 * 60 * 60 * 1000) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `the range from..to may span at most ${MAX_REPORT_RANGE_DAYS} days`,
    );
  }
}
