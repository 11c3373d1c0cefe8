import type {
  MetaAnalyticsPull,
  MetaAnalyticsPullKindEnum,
  MetaAnalyticsPullStatusEnum,
} from '../dtos/outputs/meta-analytics-pull.output';
import type { MetaAnalyticsPullEntity } from '../entities/meta-analytics-pull.entity';

export function formatMetaAnalyticsPullToGraphqlDto(
  entity: MetaAnalyticsPullEntity,
): MetaAnalyticsPull {
  return {
    id: entity.id,
    wabaId: entity.wabaId,
    kind: entity.kind as MetaAnalyticsPullKindEnum,
    period: entity.period,
    rangeStart: entity.rangeStart,
    rangeEnd: entity.rangeEnd,
    status: entity.status as MetaAnalyticsPullStatusEnum,
    pages: entity.pages,
    dataPoints: entity.dataPoints,
    error: entity.error,
    startedAt: entity.startedAt,
    finishedAt: entity.finishedAt,
  };
}
