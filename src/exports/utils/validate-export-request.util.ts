import { DomainError } from '../../common/errors/domain.error';
import { ExportFormat, ExportKind } from '../../common/graphql/enums';
import { parseMonth } from '../../reports/utils/parse-month.util';
import { validateReportRange } from '../../reports/utils/validate-report-range.util';
import { parseCurrencyOption } from '../../reports/utils/parse-currency.util';

export interface ExportRequestInput {
  kind: ExportKind;
  format: ExportFormat;
  month?: string | null;
  from?: Date | null;
  to?: Date | null;
  wabaId?: string | null;
  portfolioId?: string | null;
  currency?: string | null;
  /** A closed month's statement revision (set by the month close, never by GraphQL). */
  revision?: number | null;
}

/** A checked export request: a statement has a month; other kinds a month or a from/to range. */
export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  month: string | null;
  from: Date | null;
  to: Date | null;
  wabaId: string | null;
  portfolioId: string | null;
  currency: string | null;
  revision?: number | null;
}

export function validateExportRequest(input: ExportRequestInput): ExportRequest {
  const request: ExportRequest = {
    kind: input.kind,
    format: input.format,
    month: input.month || null,
    from: input.from ?? null,
    to: input.to ?? null,
    wabaId: input.wabaId || null,
    portfolioId: input.portfolioId || null,
    currency: input.currency ? input.currency.toUpperCase() : null,
    ...(input.revision ? { revision: input.revision } : {}),
  };
  if (request.month !== null) parseMonth(request.month);
  if (input.currency) request.currency = parseCurrencyOption(input.currency);
  const hasRange = request.from !== null || request.to !== null;
  if (request.kind === ExportKind.STATEMENT || request.kind === ExportKind.META_RECONCILIATION) {
    if (request.month === null || hasRange) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `a ${request.kind} export needs month (and no from/to)`,
      );
    }
    if ((request.wabaId === null) === (request.portfolioId === null)) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `a ${request.kind} export needs exactly one of wabaId or portfolioId`,
      );
    }
    if (request.kind === ExportKind.META_RECONCILIATION && request.format === ExportFormat.PDF) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'PDF is available for STATEMENT exports; use CSV or XLSX for META_RECONCILIATION',
      );
    }
    return request;
  }
  if (request.format === ExportFormat.PDF) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `PDF is available for STATEMENT exports; use CSV or XLSX for ${request.kind}`,
    );
  }
  if (request.month !== null && hasRange) {
    throw new DomainError('BAD_USER_INPUT', 'give either month or from/to, not both');
  }
  if (request.month === null) {
    if (request.from === null || request.to === null) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `a ${request.kind} export needs month, or both from and to`,
      );
    }
    validateReportRange(request.from, request.to);
  }
  return request;
}
