import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiKeyRole } from '../../enums/api-key-role.enum';

@ObjectType('ApiKey')
export class ApiKeyOutput {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => ApiKeyRole)
  role!: ApiKeyRole;

  @Field({
    description:
      'A public name for the key ("key_" and 12 hex digits), random and unrelated to the secret; no part of the secret is stored.',
  })
  keyId!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType('IssuedApiKey')
export class IssuedApiKeyOutput {
  @Field(() => ApiKeyOutput)
  apiKey!: ApiKeyOutput;

  @Field({ description: 'The secret; shown only in this response' })
  secret!: string;
}
