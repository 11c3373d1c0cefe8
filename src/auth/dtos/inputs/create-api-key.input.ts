import { Field, InputType } from '@nestjs/graphql';
import { ApiKeyRole } from '../../enums/api-key-role.enum';

@InputType()
export class CreateApiKeyInput {
  @Field()
  name!: string;

  @Field(() => ApiKeyRole)
  role!: ApiKeyRole;
}
