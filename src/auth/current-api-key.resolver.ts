import { Context, Query, Resolver } from '@nestjs/graphql';
import { RequireRole } from '../common/auth/roles.decorator';
import { DomainError } from '../common/errors/domain.error';
import { ApiKeyOutput } from './dtos/outputs/api-key.output';
import type { AuthenticatedRequest } from './guards/api-key.guard';
import { formatApiKeyToGraphql } from './utils/format-api-key-to-graphql.util';

/** Who is asking: a client (the web app) shows what the key's role allows. */
@Resolver()
export class CurrentApiKeyResolver {
  @Query(() => ApiKeyOutput, {
    description: 'The API key this request is made with (any role): its name and role.',
  })
  @RequireRole('finance')
  currentApiKey(@Context('req') request: AuthenticatedRequest): ApiKeyOutput {
    if (!request.apiKey) throw new DomainError('UNAUTHENTICATED', 'this needs an API key');
    return formatApiKeyToGraphql(request.apiKey);
  }
}
