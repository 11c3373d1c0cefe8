import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import { CreateApiKeyInput } from './dtos/inputs/create-api-key.input';
import { ApiKeyOutput, IssuedApiKeyOutput } from './dtos/outputs/api-key.output';
import { ApiKeyService } from './services/api-key.service';
import { formatApiKeyToGraphql } from './utils/format-api-key-to-graphql.util';

@Resolver()
@RequireRole('admin')
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Query(() => [ApiKeyOutput])
  async apiKeys(): Promise<ApiKeyOutput[]> {
    return (await this.keys.list()).map(formatApiKeyToGraphql);
  }

  @Mutation(() => IssuedApiKeyOutput)
  async createApiKey(@Args('input') input: CreateApiKeyInput): Promise<IssuedApiKeyOutput> {
    const name = input.name.trim();
    if (name === '') throw new DomainError('BAD_USER_INPUT', 'an API key needs a name');
    const issued = await this.keys.issue(name, input.role);
    return { apiKey: formatApiKeyToGraphql(issued.entity), secret: issued.secret };
  }

  @Mutation(() => ApiKeyOutput)
  async revokeApiKey(@Args('id', { type: () => ID }) id: string): Promise<ApiKeyOutput> {
    return formatApiKeyToGraphql(await this.keys.revoke(id));
  }
}
