import { Field, InputType, registerEnumType } from '@nestjs/graphql';

export enum ApiKeyRole {
  finance = 'finance',
  operator = 'operator',
  admin = 'admin',
}
registerEnumType(ApiKeyRole, { name: 'ApiKeyRole' });

@InputType()
export class CreateApiKeyInput {
  @Field()
  name!: string;

  @Field(() => ApiKeyRole)
  role!: ApiKeyRole;
}
