import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoOutput } from '../../../common/graphql/page-info.output';

export enum MetaAnalyticsPullKindEnum {
  DAILY = 'DAILY',
  MONTH = 'MONTH',
  MANUAL = 'MANUAL',
  FILE = 'FILE',
}

export enum MetaAnalyticsPullStatusEnum {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(MetaAnalyticsPullKindEnum, {
  name: 'MetaAnalyticsPullKind',
  description:
    'DAILY: the scheduled pull of the last days. MONTH: the pull of a closed month. MANUAL: pullMetaAnalytics. FILE: npm run analytics:import.',
});
registerEnumType(MetaAnalyticsPullStatusEnum, { name: 'MetaAnalyticsPullStatus' });

@ObjectType({ description: "A pull of Meta's pricing_analytics, or an import of saved answers." })
export class MetaAnalyticsPull {
  @Field(() => Int)
  id!: number;

  @Field()
  wabaId!: string;

  @Field(() => MetaAnalyticsPullKindEnum)
  kind!: MetaAnalyticsPullKindEnum;

  @Field()
  period!: string;

  @Field()
  rangeStart!: Date;

  @Field()
  rangeEnd!: Date;

  @Field(() => MetaAnalyticsPullStatusEnum)
  status!: MetaAnalyticsPullStatusEnum;

  @Field(() => Int)
  pages!: number;

  @Field(() => Int)
  dataPoints!: number;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;
}

@ObjectType('MetaAnalyticsPullEdge')
export class MetaAnalyticsPullEdge {
  @Field()
  cursor!: string;

  @Field(() => MetaAnalyticsPull)
  node!: MetaAnalyticsPull;
}

@ObjectType('MetaAnalyticsPullConnection')
export class MetaAnalyticsPullConnection {
  @Field(() => [MetaAnalyticsPullEdge])
  edges!: MetaAnalyticsPullEdge[];

  @Field(() => PageInfoOutput)
  pageInfo!: PageInfoOutput;

  @Field(() => Int, {
    description: 'Every pull and import of the WABA asked for, not only this page.',
  })
  totalCount!: number;
}
