import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '../common/auth/caller.decorator';
import { RequireRole } from '../common/auth/roles.decorator';
import { ExportInput } from './dtos/inputs/export.input';
import { Export } from './dtos/outputs/export.output';
import type { ExportEntity } from './entities/export.entity';
import { DownloadLinkService } from './services/download-link.service';
import { JobOutput } from '../jobs/dtos/outputs/job.output';
import { JobsService } from '../jobs/services/jobs.service';
import { formatJobToGraphql } from '../jobs/utils/format-job-to-graphql.util';
import { ExportRunnerService } from './services/export-runner.service';
import { formatExportToGraphqlDto } from './utils/format-export-to-graphql-dto.util';

@Resolver(() => Export)
export class ExportsResolver {
  constructor(
    private readonly runner: ExportRunnerService,
    private readonly links: DownloadLinkService,
    private readonly jobs: JobsService,
  ) {}

  @ResolveField(() => JobOutput, { nullable: true })
  async job(@Parent() exported: Export): Promise<JobOutput | null> {
    const job = await this.jobs.find(exported.id);
    return job === null ? null : formatJobToGraphql(job);
  }

  private toDto(entity: ExportEntity): Export {
    return formatExportToGraphqlDto(entity, (done) => this.links.sign(done));
  }

  @Mutation(() => Export, {
    description:
      'Starts an export (status PENDING) as an EXPORT job any service process runs (its job field); poll export(id) until DONE, then GET its url with the same API key. The export belongs to that key: other keys do not see it, ADMIN keys do.',
  })
  @RequireRole('finance')
  async createExport(
    @Args('input') input: ExportInput,
    @CurrentCaller() caller: Caller,
  ): Promise<Export> {
    return this.toDto(await this.runner.create(input, caller));
  }

  @Query(() => Export, {
    nullable: true,
    description:
      'An export made with the same API key (an ADMIN key sees every export); null for any other.',
  })
  @RequireRole('finance')
  async export(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<Export | null> {
    const entity = await this.runner.find(id, caller);
    return entity ? this.toDto(entity) : null;
  }
}
