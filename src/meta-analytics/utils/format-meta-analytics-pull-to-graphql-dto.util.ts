import type { MetaAnalyticsPull } from '../dtos/outputs/meta-analytics-pull.output';
import type { MetaAnalyticsPullEntity } from '../entities/meta-analytics-pull.entity';

export function formatMetaAnalyticsPullToGraphqlDto(
  entity: MetaAnalyticsPullEntity,
): MetaAnalyticsPull {
  return {
    id: entity.id,
    wabaId: entity.wabaId,
    kind: entity.kind,
    period: entity.period,
    rangeStart: entity.rangeStart,
    rangeEnd: entity.rangeEnd,
    status: entity.status,
    pages: entity.pages,
    dataPoints: entity.dataPoints,
    error: entity.error,
    startedAt: entity.startedAt,
    finishedAt: entity.finishedAt,
  };
}
