import { Args, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { CostReportInput } from './dtos/inputs/cost-report.input';
import { CostReport } from './dtos/outputs/cost-report.output';
import { CostReportService } from './services/cost-report.service';
import { formatCostReportToGraphqlDto } from './utils/format-cost-report-to-graphql-dto.util';

@Resolver()
export class CostReportResolver {
  constructor(private readonly costReports: CostReportService) {}

  @Query(() => CostReport, {
    description:
      'Message counts and exact amounts grouped by any dimensions over [from, to), one total per currency.',
  })
  @RequireRole('finance')
  async costReport(@Args('input') input: CostReportInput): Promise<CostReport> {
    const { filter, ...range } = input;
    return formatCostReportToGraphqlDto(
      await this.costReports.costReport({
        ...range,
        filter: Object.fromEntries(
          Object.entries(filter ?? {}).filter(
            ([, values]) => values !== null && values !== undefined,
          ),
        ),
      }),
    );
  }
}
