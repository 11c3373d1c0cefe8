import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentCaller, type Caller } from '../common/auth/caller.decorator';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import { pageSize, toConnection } from '../common/graphql/connection.util';
import { AfterArg, FirstArg } from '../common/graphql/page-args.decorator';
import {
  JobConnectionOutput,
  JobKindEnum,
  JobOutput,
  JobStatusEnum,
} from './dtos/outputs/job.output';
import type { JobEntity } from './entities/job.entity';
import { JobsService } from './services/jobs.service';
import { formatJobToGraphql } from './utils/format-job-to-graphql.util';

@Resolver()
@RequireRole('finance')
export class JobsResolver {
  constructor(private readonly jobsService: JobsService) {}

  @Query(() => JobOutput, { nullable: true })
  async job(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
  ): Promise<JobOutput | null> {
    const job = await this.jobsService.find(id);
    return job === null ? null : formatJobToGraphql(job, caller.role);
  }

  @Query(() => JobConnectionOutput, { description: 'Jobs, newest first.' })
  async jobs(
    @CurrentCaller() caller: Caller,
    @Args('status', { type: () => JobStatusEnum, nullable: true }) status?: JobStatusEnum,
    @Args('kind', { type: () => JobKindEnum, nullable: true }) kind?: JobKindEnum,
    @FirstArg('Jobs') first?: number | null,
    @AfterArg('the newest') after?: string | null,
  ): Promise<JobConnectionOutput> {
    const page = await this.jobsService.page(
      { status, kind },
      pageSize(first),
      after === undefined || after === null ? null : decodeJobCursor(after),
    );
    return {
      ...toConnection(page.rows, page.hasNextPage, encodeJobCursor, (job) =>
        formatJobToGraphql(job, caller.role),
      ),
      totalCount: page.totalCount,
    };
  }
}

function encodeJobCursor(job: JobEntity): string {
  return Buffer.from(`job:${job.createdAt.getTime()}:${job.id}`).toString('base64url');
}

function decodeJobCursor(cursor: string): { createdAt: number; id: string } {
  const match = /^job:(\d{1,15}):([0-9a-f-]{36})$/.exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  if (!match) {
    throw new DomainError('BAD_USER_INPUT', 'after is not a cursor returned by jobs');
  }
  return { createdAt: Number(match[1]), id: match[2] };
}
