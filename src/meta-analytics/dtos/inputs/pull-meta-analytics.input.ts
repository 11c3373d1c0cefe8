import { Field, GraphQLISODateTime, InputType } from '@nestjs/graphql';

@InputType()
export class PullMetaAnalyticsInput {
  @Field()
  wabaId!: string;

  @Field(() => GraphQLISODateTime, { description: 'Start of the range (at most 93 days).' })
  from!: Date;

  @Field(() => GraphQLISODateTime)
  to!: Date;
}
