import { ExportFormat } from '../../common/graphql/enums';
import type { MonthClose, MonthCloseStatusEnum } from '../dtos/outputs/month-close.output';
import type { MonthCloseEntity } from '../entities/month-close.entity';
import type { StatementRevisionEntity } from '../entities/statement-revision.entity';

export function formatMonthCloseToGraphqlDto(
  close: MonthCloseEntity,
  revisions: StatementRevisionEntity[],
): MonthClose {
  return {
    wabaId: close.wabaId,
    month: close.month,
    status: close.status as MonthCloseStatusEnum,
    revision: close.revision,
    statementNumber: close.statementNumber,
    error: close.error,
    closedAt: close.closedAt,
    revisions: revisions.map((revision) => ({
      revision: revision.revision,
      statementNumber: revision.statementNumber,
      currency: revision.currency,
      exactTotal: revision.exactTotal,
      total: revision.total,
      issuedAt: revision.issuedAt,
      documents: [ExportFormat.PDF, ExportFormat.XLSX, ExportFormat.CSV].map((format) => ({
        format,
        exportId: revision.exportIds[format],
        url: `/exports/${revision.exportIds[format]}/download`,
      })),
    })),
  };
}
