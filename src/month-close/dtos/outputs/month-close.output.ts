import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DecimalScalar } from '../../../common/graphql/decimal.scalar';

@ObjectType({ description: "A stored export of a closed month's statement." })
export class StatementDocument {
  @Field({ description: 'PDF, XLSX or CSV.' })
  format!: string;

  @Field()
  exportId!: string;

  @Field({ description: 'GET it with a finance key.' })
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

  @Field({ description: 'RUNNING, DONE or FAILED.' })
  status!: string;

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
