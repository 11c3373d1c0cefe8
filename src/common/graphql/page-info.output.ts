import { Field, ObjectType } from '@nestjs/graphql';

/** The page of every connection: whether another follows, and the cursor to ask for it with. */
@ObjectType('PageInfo')
export class PageInfoOutput {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The last edge's cursor, to pass as after for the next page; null on an empty page.",
  })
  endCursor!: string | null;
}
