import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { ExportInput } from './dtos/inputs/export.input';
import { Export } from './dtos/outputs/export.output';
import { ExportRunnerService } from './services/export-runner.service';
import { formatExportToGraphqlDto } from './utils/format-export-to-graphql-dto.util';

@Resolver(() => Export)
export class ExportsResolver {
  constructor(private readonly runner: ExportRunnerService) {}

  @Mutation(() => Export, {
    description: 'Starts an export (status PENDING); poll export(id) until DONE, then GET its url.',
  })
  @RequireRole('finance')
  async createExport(@Args('input') input: ExportInput): Promise<Export> {
    return formatExportToGraphqlDto(await this.runner.create(input));
  }

  @Query(() => Export, { nullable: true })
  @RequireRole('finance')
  async export(@Args('id', { type: () => ID }) id: string): Promise<Export | null> {
    const entity = await this.runner.find(id);
    return entity ? formatExportToGraphqlDto(entity) : null;
  }
}
