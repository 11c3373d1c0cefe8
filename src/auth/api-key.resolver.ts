import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import { CreateApiKeyInput } from './dtos/inputs/create-api-key.input';
import { ApiKeyOutput, IssuedApiKeyOutput } from './dtos/outputs/api-key.output';
import type { ApiKeyEntity } from './entities/api-key.entity';
import type { ApiKeyRole } from './enums/api-key-role.enum';
import { ApiKeyService } from './services/api-key.service';

@Resolver()
@RequireRole('admin')
export class ApiKeyResolver {
  constructor(private readonly keys: ApiKeyService) {}

  @Query(() => [ApiKeyOutput])
  async apiKeys(): Promise<ApiKeyOutput[]> {
    return (await this.keys.list()).map(toApiKeyOutput);
  }

  @Mutation(() => IssuedApiKeyOutput)
  async createApiKey(@Args('input') input: CreateApiKeyInput): Promise<IssuedApiKeyOutput> {
    const name = input.name.trim();
    if (name === '') throw new DomainError('BAD_USER_INPUT', 'an API key needs a name');
    const issued = await this.keys.issue(name, input.role);
    return { apiKey: toApiKeyOutput(issued.entity), secret: issued.secret };
  }

  @Mutation(() => ApiKeyOutput)
  async revokeApiKey(@Args('id', { type: () => ID }) id: string): Promise<ApiKeyOutput> {
    return toApiKeyOutput(await this.keys.revoke(id));
  }
}

function toApiKeyOutput(entity: ApiKeyEntity): ApiKeyOutput {
  return {
    id: entity.id,
    name: entity.name,
    role: entity.role as ApiKeyRole,
    keyId: entity.keyId,
    createdAt: entity.createdAt,
    revokedAt: entity.revokedAt,
  };
}
