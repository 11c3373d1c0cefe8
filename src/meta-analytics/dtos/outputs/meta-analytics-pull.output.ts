import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: "A pull of Meta's pricing_analytics, or an import of saved answers." })
export class MetaAnalyticsPull {
  @Field(() => Int)
  id!: number;

  @Field()
  wabaId!: string;

  @Field({ description: 'DAILY, MONTH, MANUAL or FILE.' })
  kind!: string;

  @Field()
  period!: string;

  @Field()
  rangeStart!: Date;

  @Field()
  rangeEnd!: Date;

  @Field({ description: 'RUNNING, DONE or FAILED.' })
  status!: string;

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
