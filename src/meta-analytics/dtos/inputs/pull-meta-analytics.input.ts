import { Field, InputType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../../common/graphql/date-time.scalar';

@InputType()
export class PullMetaAnalyticsInput {
  @Field()
  wabaId!: string;

  @Field(() => DateTimeScalar, { description: 'Start of the range (at most 93 days).' })
  from!: Date;

  @Field(() => DateTimeScalar)
  to!: Date;
}
