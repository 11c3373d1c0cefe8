import { ExportFormat } from '../../common/graphql/enums';
import type { ExportRequest } from './validate-export-request.util';

/** A descriptive download name, e.g. "statement-waba-123-2026-03.pdf". */
export function exportFileName(request: ExportRequest): string {
  const scope = request.wabaId ?? request.portfolioId ?? 'all';
  const period =
    request.month ??
    `${request.from?.toISOString().slice(0, 10)}_${request.to?.toISOString().slice(0, 10)}`;
  const revision = request.revision && request.revision > 1 ? `r${request.revision}` : null;
  const base = [request.kind.toLowerCase().replace(/_/g, '-'), scope, period, revision]
    .filter((part) => part !== null)
    .join('-')
    .replace(/[^A-Za-z0-9._-]+/g, '-');
  return `${base}.${EXTENSIONS[request.format]}`;
}

export const EXTENSIONS: Record<ExportFormat, string> = {
  [ExportFormat.CSV]: 'csv',
  [ExportFormat.XLSX]: 'xlsx',
  [ExportFormat.PDF]: 'pdf',
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  [ExportFormat.CSV]: 'text/csv; charset=utf-8',
  [ExportFormat.XLSX]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [ExportFormat.PDF]: 'application/pdf',
};
