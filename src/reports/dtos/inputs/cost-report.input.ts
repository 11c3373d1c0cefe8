import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';
import { ReportDimension } from '../../../common/graphql/enums';
import { ReportFilter } from './report-filter.input';

@InputType()
export class CostReportInput {
  @Field(() => GraphQLISODateTime, {
    description: 'Start of the half-open range [from, to) of charge instants.',
  })
  from!: Date;

  @Field(() => GraphQLISODateTime, { description: 'End (exclusive); at most 400 days after from.' })
  to!: Date;

  @Field(() => [ReportDimension], {
    description: 'Dimensions to group by (no repeats); rows are always split by currency too.',
  })
  groupBy!: ReportDimension[];

  @Field(() => ReportFilter, { nullable: true })
  filter?: ReportFilter | null;
}
