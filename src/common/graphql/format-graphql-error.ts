import type { GraphQLFormattedError } from 'graphql';
import { DomainError } from '../errors/domain.error';

/**
 * Domain errors keep their code in extensions.code (with line or path details); a document the
 * parser or the query limits refuse says what is wrong in plain words (graphql-js and
 * graphql-armor start every such message with a bare "Syntax Error:"); anything unexpected is
 * reported as INTERNAL_SERVER_ERROR without leaking internals.
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
  if (code === 'GRAPHQL_PARSE_FAILED') {
    return { ...formatted, message: describeParseFailure(formatted), extensions: { code } };
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED') {
    // graphql-js gives up checking fields that overlap too much, with a bare "Validation aborted."
    const message =
      formatted.message === 'Validation aborted.'
        ? 'the query repeats the same fields or fragments too often to be checked; ask for each field once'
        : withoutSyntaxPrefix(formatted.message);
    return { ...formatted, message, extensions: { code } };
  }
  return { ...formatted, extensions: { code } };
}

const SYNTAX_PREFIX = /^Syntax Error:\s*/;
const TOKEN_LIMIT = /^Document contains more th(?:at|an) (\d+) tokens/;

function describeParseFailure(formatted: GraphQLFormattedError): string {
  const problem = withoutSyntaxPrefix(formatted.message.split('\n')[0]);
  const tokens = TOKEN_LIMIT.exec(problem);
  if (tokens) {
    return `the query has more than ${tokens[1]} tokens (names, punctuation and literal values), the limit per request: ask for fewer fields, or pass long lists as variables`;
  }
  const where = formatted.locations?.[0];
  const at = where ? ` at line ${where.line}, column ${where.column}` : '';
  return `the query is not valid GraphQL${at}: ${lowerFirst(problem)}`;
}

function withoutSyntaxPrefix(message: string): string {
  return message.replace(SYNTAX_PREFIX, '');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
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
