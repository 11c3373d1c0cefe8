import type { ExportFormat, ExportKind } from '../../common/graphql/enums';
import type { Export } from '../dtos/outputs/export.output';
import type { ExportEntity } from '../entities/export.entity';
import type { ExportStatus } from '../enums/export-status.enum';

export function formatExportToGraphqlDto(
  entity: ExportEntity,
  signLink: (entity: ExportEntity) => string,
): Export {
  return {
    id: entity.id,
    status: entity.status as ExportStatus,
    url: entity.status === 'DONE' ? `/exports/${entity.id}/download` : null,
    downloadUrl: entity.status === 'DONE' ? signLink(entity) : null,
    rows: entity.rows,
    kind: entity.kind as ExportKind,
    format: entity.format as ExportFormat,
    fileName: entity.fileName,
    error: entity.error,
    createdAt: entity.createdAt,
    completedAt: entity.completedAt,
  };
}
