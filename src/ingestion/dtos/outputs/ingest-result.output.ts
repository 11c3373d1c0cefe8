import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('IngestProblem')
export class IngestProblemOutput {
  @Field(() => Int)
  index!: number;

  @Field()
  message!: string;
}

@ObjectType('IngestResult')
export class IngestResultOutput {
  @Field(() => Int)
  received!: number;

  @Field(() => Int, { description: 'Records accepted (new or merged into a known message)' })
  accepted!: number;

  @Field(() => Int, { description: 'Messages whose stored facts changed' })
  changed!: number;

  @Field(() => [IngestProblemOutput])
  rejected!: IngestProblemOutput[];
}
