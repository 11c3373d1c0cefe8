import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import { roleAllows, type ApiRole } from '../../common/auth/role';
import { REQUIRED_ROLE_KEY } from '../../common/auth/roles.decorator';
import { DomainError } from '../../common/errors/domain.error';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import { ApiKeyService } from '../services/api-key.service';

export type AuthenticatedRequest = Request & { apiKey?: ApiKeyEntity };

/** Routes and resolvers that declare @RequireRole need a Bearer API key holding that role. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const required = this.reflector.getAllAndOverride<ApiRole | undefined>(REQUIRED_ROLE_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    const isGraphql = context.getType<string>() === 'graphql';
    // Every GraphQL operation needs a key; HTTP routes opt in with @RequireRole.
    const role = required ?? (isGraphql ? 'finance' : undefined);
    if (role === undefined) return true;
    const request = requestOf(context);
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new DomainError('UNAUTHENTICATED', 'send an API key as "Authorization: Bearer <key>"');
    }
    const key = await this.apiKeys.authenticate(match[1]);
    if (!key) throw new DomainError('UNAUTHENTICATED', 'unknown or revoked API key');
    if (!roleAllows(key.role, role)) {
      throw new DomainError(
        'FORBIDDEN',
        `this needs the ${role.toUpperCase()} role; the key "${key.name}" has the ${key.role.toUpperCase()} role`,
      );
    }
    request.apiKey = key;
    return true;
  }
}

function requestOf(context: ExecutionContext): AuthenticatedRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: AuthenticatedRequest }>().req;
  }
  return context.switchToHttp().getRequest<AuthenticatedRequest>();
}
