import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import {
  JobConnectionOutput,
  JobKindEnum,
  JobOutput,
  JobStatusEnum,
} from './dtos/outputs/job.output';
import type { JobEntity } from './entities/job.entity';
import { JobsService } from './services/jobs.service';
import { formatJobToGraphql } from './utils/format-job-to-graphql.util';

const MAX_PAGE_SIZE = 200;

@Resolver()
@RequireRole('finance')
export class JobsResolver {
  constructor(private readonly jobsService: JobsService) {}

  @Query(() => JobOutput, { nullable: true })
  async job(@Args('id', { type: () => ID }) id: string): Promise<JobOutput | null> {
    const job = await this.jobsService.find(id);
    return job === null ? null : formatJobToGraphql(job);
  }

  @Query(() => JobConnectionOutput, { description: `Newest first; first ≤ ${MAX_PAGE_SIZE}` })
  async jobs(
    @Args('status', { type: () => JobStatusEnum, nullable: true }) status?: JobStatusEnum,
    @Args('kind', { type: () => JobKindEnum, nullable: true }) kind?: JobKindEnum,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first = 50,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<JobConnectionOutput> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`);
    }
    const page = await this.jobsService.page(
      { status, kind },
      first,
      after === undefined || after === null ? null : decodeJobCursor(after),
    );
    return {
      edges: page.rows.map((row) => ({
        cursor: encodeJobCursor(row),
        node: formatJobToGraphql(row),
      })),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: page.rows.length > 0 ? encodeJobCursor(page.rows[page.rows.length - 1]) : null,
      },
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
