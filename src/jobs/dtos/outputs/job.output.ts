import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfoOutput } from '../../../common/graphql/page-info.output';
import { ImportSummaryOutput } from './import-summary.output';

export enum JobKindEnum {
  REPRICE = 'REPRICE',
  RATE_CARD_REPRICE = 'RATE_CARD_REPRICE',
  ACCOUNT_REPRICE = 'ACCOUNT_REPRICE',
  EXPORT = 'EXPORT',
  IMPORT = 'IMPORT',
}

export enum JobStatusEnum {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(JobKindEnum, {
  name: 'JobKind',
  description:
    'REPRICE: a reprice mutation; RATE_CARD_REPRICE: the re-rate after a rate card import (or a change of built-in cards); ACCOUNT_REPRICE: the re-rate after a WABA edit (time zone, currency, portfolio, allowance, auth-international) or a move of a phone number to another WABA; EXPORT: a file export; IMPORT: a file uploaded to POST /imports (a send log or webhook bodies), imported and its span re-rated.',
});
registerEnumType(JobStatusEnum, { name: 'JobStatus' });

@ObjectType('Job', {
  description:
    'Long work run by any service process. A job interrupted by a stop is resumed (from its last checkpoint) by another process or the next start.',
})
export class JobOutput {
  @Field(() => ID)
  id!: string;

  @Field(() => JobKindEnum)
  kind!: JobKindEnum;

  @Field(() => JobStatusEnum)
  status!: JobStatusEnum;

  @Field(() => Float, { description: 'Share done, from 0 to 1' })
  progress!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it failed' })
  error!: string | null;

  @Field(() => Int, { description: 'Times a process started it; above 1 it was resumed' })
  attempts!: number;

  @Field(() => Int, { nullable: true, description: 'Messages re-rated, once a re-rate is done' })
  messages!: number | null;

  @Field(() => ImportSummaryOutput, {
    nullable: true,
    description:
      'An IMPORT job once DONE: what its file gave (null for FINANCE keys: it quotes the uploaded lines). A resumed import (attempts above 1) read its file again from the start, and these counts describe that last run: lines an earlier run stored count as duplicates.',
  })
  import!: ImportSummaryOutput | null;
}

@ObjectType('JobEdge')
export class JobEdgeOutput {
  @Field()
  cursor!: string;

  @Field(() => JobOutput)
  node!: JobOutput;
}

@ObjectType('JobConnection')
export class JobConnectionOutput {
  @Field(() => [JobEdgeOutput])
  edges!: JobEdgeOutput[];

  @Field(() => PageInfoOutput)
  pageInfo!: PageInfoOutput;

  @Field(() => Int)
  totalCount!: number;
}
