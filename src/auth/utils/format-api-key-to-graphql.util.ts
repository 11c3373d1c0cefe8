import type { ApiKeyOutput } from '../dtos/outputs/api-key.output';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import type { ApiKeyRole } from '../enums/api-key-role.enum';

export function formatApiKeyToGraphql(entity: ApiKeyEntity): ApiKeyOutput {
  return {
    id: entity.id,
    name: entity.name,
    role: entity.role as ApiKeyRole,
    keyId: entity.keyId,
    createdAt: entity.createdAt,
    revokedAt: entity.revokedAt,
  };
}
