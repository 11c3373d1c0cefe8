import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';
import { ExportFormat, ExportKind } from '../../../common/graphql/enums';

@InputType({
  description:
    'STATEMENT: month and exactly one of wabaId/portfolioId (CSV, XLSX or PDF). COST_REPORT and MESSAGES: month (each WABA timezone) or from/to, optionally narrowed to a WABA or portfolio (CSV or XLSX).',
})
export class ExportInput {
  @Field(() => ExportKind)
  kind!: ExportKind;

  @Field(() => ExportFormat)
  format!: ExportFormat;

  @Field(() => String, { nullable: true, description: 'YYYY-MM in the WABA timezone.' })
  month?: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  to?: Date | null;

  @Field(() => String, { nullable: true })
  wabaId?: string | null;

  @Field(() => String, { nullable: true })
  portfolioId?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only charges in this currency; a portfolio statement over several currencies needs it.',
  })
  currency?: string | null;
}
