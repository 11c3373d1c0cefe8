import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { DomainError } from '../errors/domain.error';
import type { ApiRole } from './role';

/** The API key a request was authenticated with (set by the API key guard). */
export interface Caller {
  /** The key's id (never its secret). */
  id: string;
  /** The key's public name, as `apiKeys` shows it. */
  keyId: string;
  name: string;
  role: ApiRole;
}

/** The service itself (a month close reading its own exports): sees what an admin key sees. */
export const SERVICE_CALLER: Caller = {
  id: 'service',
  keyId: 'service',
  name: 'the service',
  role: 'admin',
};

/**
 * The API key making this request, for GraphQL resolvers and HTTP routes that declare a role:
 * what they may see can depend on who asks (an export belongs to the key that made it).
 */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const request =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ req: { apiKey?: Caller } }>().req
        : context.switchToHttp().getRequest<{ apiKey?: Caller }>();
    const key = request.apiKey;
    // Routes that use it declare a role, so the guard has always set the key by now.
    if (!key) throw new DomainError('UNAUTHENTICATED', 'this needs an API key');
    return { id: key.id, keyId: key.keyId, name: key.name, role: key.role };
  },
);
