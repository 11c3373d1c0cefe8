import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';

@InputType()
export class ReconciliationInput {
  @Field(() => DateTimeScalar, {
    description: 'Start of the half-open range [from, to) of charge instants.',
  })
  from!: Date;

  @Field(() => DateTimeScalar)
  to!: Date;

  @Field(() => String, { nullable: true })
  wabaId?: string | null;

  @Field(() => String, { nullable: true })
  portfolioId?: string | null;
}
