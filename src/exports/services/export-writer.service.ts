import { Injectable } from '@nestjs/common';
import { ExportFormat, ExportKind, ReportDimension } from '../../common/graphql/enums';
import { MetaReconciliationService } from '../../meta-analytics/services/meta-reconciliation.service';
import { CostReportService } from '../../reports/services/cost-report.service';
import { StatementService } from '../../reports/services/statement.service';
import type { MessageScope } from '../../reports/utils/build-message-where.util';
import { monthInstantBounds } from '../../reports/utils/month-instant-bounds.util';
import { costReportCsvTable, costReportSheets } from '../documents/cost-report.document';
import { MESSAGE_COLUMNS, messageRow } from '../documents/messages.document';
import {
  metaReconciliationCsvTable,
  metaReconciliationSheets,
} from '../documents/meta-reconciliation.document';
import { statementCsvTable, statementSheets } from '../documents/statement.document';
import type { ExportRequest } from '../utils/validate-export-request.util';
import { writeCsvTable } from '../writers/csv-table.writer';
import { writeStatementPdf } from '../writers/statement-pdf.writer';
import { writeXlsxWorkbook } from '../writers/xlsx-workbook.writer';
import type { Row, Sheet, Table } from '../writers/table.types';
import { MessageExportQueryService } from './message-export-query.service';

/** Called with the number of data rows written so far (every page for message exports). */
export type ExportProgress = (rows: number) => void | Promise<void>;

const COST_REPORT_DIMENSIONS = [
  ReportDimension.MONTH,
  ReportDimension.PHONE_NUMBER,
  ReportDimension.MARKET,
  ReportDimension.PRICING_CATEGORY,
];

const PROGRESS_EVERY = 5000;

/**
 * Writes one export to a file: the single implementation behind createExport and
 * `npm run report`. Returns the number of data rows (statement lines, report rows or messages).
 */
@Injectable()
export class ExportWriterService {
  constructor(
    private readonly statements: StatementService,
    private readonly costReports: CostReportService,
    private readonly messages: MessageExportQueryService,
    private readonly metaReconciliations: MetaReconciliationService,
  ) {}

  async write(
    request: ExportRequest,
    path: string,
    onProgress?: ExportProgress,
  ): Promise<{ rows: number }> {
    switch (request.kind) {
      case ExportKind.STATEMENT:
        return this.writeStatement(request, path);
      case ExportKind.COST_REPORT:
        return this.writeCostReport(request, path);
      case ExportKind.MESSAGES:
        return this.writeMessages(request, path, onProgress);
      case ExportKind.META_RECONCILIATION:
        return this.writeMetaReconciliation(request, path);
    }
  }

  private async writeMetaReconciliation(
    request: ExportRequest,
    path: string,
  ): Promise<{ rows: number }> {
    const result = await this.metaReconciliations.reconcile({
      month: request.month as string,
      wabaId: request.wabaId,
      portfolioId: request.portfolioId,
    });
    await writeTabular(
      request.format,
      path,
      metaReconciliationCsvTable(result),
      metaReconciliationSheets(result),
    );
    return { rows: result.lines.length };
  }

  private async writeStatement(request: ExportRequest, path: string): Promise<{ rows: number }> {
    const statement = await this.statements.monthlyStatement({
      month: request.month as string,
      wabaId: request.wabaId,
      portfolioId: request.portfolioId,
      currency: request.currency,
      revision: request.revision ?? null,
    });
    if (request.format === ExportFormat.PDF) await writeStatementPdf(path, statement);
    else
      await writeTabular(
        request.format,
        path,
        statementCsvTable(statement),
        statementSheets(statement),
      );
    return { rows: statement.lines.length };
  }

  private async writeCostReport(request: ExportRequest, path: string): Promise<{ rows: number }> {
    const { from, to, scope } = messageScopeOf(request);
    const report = await this.costReports.costReport({
      from,
      to,
      groupBy: COST_REPORT_DIMENSIONS,
      filter: scope,
    });
    await writeTabular(request.format, path, costReportCsvTable(report), costReportSheets(report));
    return { rows: report.rows.length };
  }

  private async writeMessages(
    request: ExportRequest,
    path: string,
    onProgress?: ExportProgress,
  ): Promise<{ rows: number }> {
    const { from, to, scope } = messageScopeOf(request);
    let count = 0;
    const source = this.messages.rows({ ...scope, from, to });
    async function* rows(): AsyncGenerator<Row> {
      for await (const message of source) {
        yield messageRow(message);
        count += 1;
        if (count % PROGRESS_EVERY === 0) await onProgress?.(count);
      }
    }
    const table: Table = { columns: MESSAGE_COLUMNS, rows: rows() };
    await writeTabular(request.format, path, table, [{ name: 'Messages', ...table }]);
    await onProgress?.(count);
    return { rows: count };
  }
}

async function writeTabular(
  format: ExportFormat,
  path: string,
  table: Table,
  sheets: Sheet[],
): Promise<void> {
  if (format === ExportFormat.CSV) await writeCsvTable(path, table);
  else await writeXlsxWorkbook(path, sheets);
}

/** A month is charge_month in each WABA's timezone (as statements count it); else [from, to). */
function messageScopeOf(request: ExportRequest): {
  from: Date;
  to: Date;
  scope: Omit<MessageScope, 'from' | 'to'>;
} {
  const range = request.month
    ? monthInstantBounds(request.month)
    : { from: request.from as Date, to: request.to as Date };
  return {
    ...range,
    scope: {
      ...(request.month ? { months: [request.month] } : {}),
      ...(request.wabaId ? { wabaIds: [request.wabaId] } : {}),
      ...(request.portfolioId ? { portfolioIds: [request.portfolioId] } : {}),
      ...(request.currency ? { currencies: [request.currency] } : {}),
    },
  };
}
