import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ExportFormat, ExportKind } from '../../../common/graphql/enums';
import { JobOutput } from '../../../jobs/dtos/outputs/job.output';
import { ExportStatus } from '../../enums/export-status.enum';

@ObjectType()
export class Export {
  @Field(() => ID)
  id!: string;

  @Field(() => ExportStatus)
  status!: ExportStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Download path once DONE; GET it with the same API key.',
  })
  url!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Once DONE: a signed link that downloads the file without an API key (for a browser), valid 5 minutes; ask for the export again for a fresh one.',
  })
  downloadUrl!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Data rows written (lines, report rows or messages).',
  })
  rows!: number | null;

  @Field(() => ExportKind)
  kind!: ExportKind;

  @Field(() => ExportFormat)
  format!: ExportFormat;

  @Field(() => String, { nullable: true })
  fileName!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the export FAILED.' })
  error!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => JobOutput, {
    nullable: true,
    description:
      'The EXPORT job that writes the file (same id as the export), run by any service process; null for the documents of a month close, written by the scheduler itself.',
  })
  job?: JobOutput | null;
}
