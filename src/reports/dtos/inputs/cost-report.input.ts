import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';
import { ReportDimension } from '../../../common/graphql/enums';
import { ReportFilter } from './report-filter.input';

@InputType()
export class CostReportInput {
  @Field(() => DateTimeScalar, {
    description: 'Start of the half-open range [from, to) of charge instants.',
  })
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'End (exclusive); at most 400 days after from.' })
  to!: Date;

  @Field(() => [ReportDimension], {
    description: 'Dimensions to group by (no repeats); rows are always split by currency too.',
  })
  groupBy!: ReportDimension[];

  @Field(() => ReportFilter, { nullable: true })
  filter?: ReportFilter | null;
}
