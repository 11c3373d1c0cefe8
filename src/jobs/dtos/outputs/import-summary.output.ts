import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ImportFormatEnum {
  SEND_LOG_CSV = 'SEND_LOG_CSV',
  WEBHOOK_JSONL = 'WEBHOOK_JSONL',
}

registerEnumType(ImportFormatEnum, {
  name: 'ImportFormat',
  description:
    'SEND_LOG_CSV: the send log, a header line then one sent message a line; WEBHOOK_JSONL: one Meta webhook body a line.',
});

@ObjectType('ImportProblem', { description: 'Why a line of an imported file was not taken' })
export class ImportProblemOutput {
  @Field(() => Int, { description: 'Line number in the file, from 1' })
  line!: number;

  @Field()
  message!: string;
}

@ObjectType('ImportSummary', { description: 'What an imported file gave' })
export class ImportSummaryOutput {
  @Field(() => ImportFormatEnum)
  format!: ImportFormatEnum;

  @Field(() => Int, {
    description:
      'Lines read: every line of a file of webhook bodies, blank ones included; the rows of a send log (not its header or blank lines)',
  })
  linesRead!: number;

  @Field(() => Int, {
    description:
      'Webhook bodies stored as new; for a send log, the rows recorded (merged with what is stored: a row imported again counts again)',
  })
  stored!: number;

  @Field(() => Int, {
    description:
      'Webhook bodies already stored (by a delivery, an earlier import or an earlier run of the same job); always 0 for a send log',
  })
  duplicates!: number;

  @Field(() => Int, { description: 'Lines with at least one problem' })
  rejectedLines!: number;

  @Field(() => Int, { description: 'Messages the file added or changed' })
  messagesChanged!: number;

  @Field(() => Int, { description: 'Messages re-rated over the span the file touched' })
  repricedMessages!: number;

  @Field(() => Int, {
    description: 'All the problems found, of which `problems` lists at most 100',
  })
  problemCount!: number;

  @Field(() => [ImportProblemOutput], {
    description: 'The first 100 problems at most, by line number (problemCount counts them all)',
  })
  problems!: ImportProblemOutput[];
}
