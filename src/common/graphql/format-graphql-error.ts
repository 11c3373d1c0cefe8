import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors/domain.error';

/**
 * Domain errors keep their code in extensions.code (with line or path details); anything
 * unexpected is reported as INTERNAL_SERVER_ERROR without leaking internals.
 */
export function formatGraphqlError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = originalErrorOf(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        ...(original.details.length > 0 ? { details: original.details } : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    return {
      message: 'internal error; the server log has the details',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }
  return { ...formatted, extensions: { code } };
}

function originalErrorOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth += 1) {
    if (current instanceof DomainError) return current;
    if (current && typeof current === 'object' && 'originalError' in current) {
      current = (current as { originalError: unknown }).originalError;
    } else {
      return current;
    }
  }
  return current;
}
