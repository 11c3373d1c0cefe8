import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';
import { ExportFormat } from '../../../common/graphql/enums';

export enum MonthCloseStatusEnum {
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(MonthCloseStatusEnum, {
  name: 'MonthCloseStatus',
  description:
    'RUNNING: a process is closing the month. DONE: its statement is issued. FAILED: see error; tried again an hour later.',
});

@ObjectType({ description: "A stored export of a closed month's statement." })
export class StatementDocument {
  @Field(() => ExportFormat)
  format!: ExportFormat;

  @Field()
  exportId!: string;

  @Field({ description: 'GET it with an ADMIN key: the month close made it, no key owns it.' })
  url!: string;
}

@ObjectType({ description: 'A statement a month close issued.' })
export class StatementRevision {
  @Field(() => Int)
  revision!: number;

  @Field()
  statementNumber!: string;

  @Field()
  currency!: string;

  @Field(() => DecimalScalar)
  exactTotal!: string;

  @Field(() => DecimalScalar, { description: 'Rounded half-up to the minor unit.' })
  total!: string;

  @Field()
  issuedAt!: Date;

  @Field(() => [StatementDocument])
  documents!: StatementDocument[];
}

@ObjectType({ description: "A WABA's closed local month." })
export class MonthClose {
  @Field()
  wabaId!: string;

  @Field()
  month!: string;

  @Field(() => MonthCloseStatusEnum)
  status!: MonthCloseStatusEnum;

  @Field(() => Int, { description: 'The current revision of the statement (1 at the close).' })
  revision!: number;

  @Field(() => String, { nullable: true })
  statementNumber!: string | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => [StatementRevision], { description: 'Every revision issued, oldest first.' })
  revisions!: StatementRevision[];
}
