import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { GraphQLSchema } from 'graphql';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection.util';
import { DateTimeScalar } from './date-time.scalar';
import { formatGraphqlError } from './format-graphql-error';
import { MAX_LIST_ITEMS, MAX_STRING_LENGTH } from './input-limits.util';

export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

/** What a GraphQL request may ask for; refusals answer HTTP 400 with a message naming the limit. */
export const QUERY_LIMITS = {
  /** Lexical tokens of the document (names, punctuation, literal values); variables not counted. */
  tokens: 5_000,
  depth: 10,
  aliases: 15,
  directives: 50,
  /**
   * graphql-armor's cost: a scalar field costs 1; a field with a selection 2 plus 1.5 times the
   * cost of what it selects, all multiplied by its `first` argument when that is a literal.
   */
  cost: 20_000,
} as const;

const SCHEMA_DESCRIPTION = `Message billing and cost estimates for WhatsApp Business numbers. Every operation needs an API key ("Authorization: Bearer <key>").

Limits. A request's document may hold at most ${QUERY_LIMITS.tokens} tokens (names, punctuation and literal values; variables are not counted), nest fields ${QUERY_LIMITS.depth} deep, use ${QUERY_LIMITS.aliases} aliases and ${QUERY_LIMITS.directives} directives, and cost at most ${QUERY_LIMITS.cost}: a scalar field costs 1, a field with a selection 2 plus 1.5 times the cost of its selection, multiplied by its first argument when that is written in the query (messages(first: 200) with a few dozen fields is refused; pass first as a variable, or ask for fewer fields). Beyond these, or with a syntax error, a request is refused with HTTP 400 and a message naming the limit or the syntax problem. Every string in an argument or input field is at most ${MAX_STRING_LENGTH} characters unless its description says otherwise, and no string may contain a NUL character (U+0000); every list holds at most ${MAX_LIST_ITEMS} items unless its description says otherwise. A value out of bounds is refused with extensions.code BAD_USER_INPUT.

Paging. Every field that takes first answers a connection: edges { node cursor }, pageInfo { hasNextPage endCursor } (and totalCount where counting is cheap). first is 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}); after is absent or null for the first page, else an endCursor or edge cursor the same list returned; anything else is refused with extensions.code BAD_USER_INPUT.`;

/** Apollo, code-first, with query token, depth, alias and cost limits; schema.gql is committed. */
export function buildGraphqlOptions(config: AppConfig): ApolloDriverConfig {
  const refused = (what: string) =>
    `${what}; see the limits in the schema's description and docs/architecture.md`;
  const armor = new ApolloArmor({
    maxDepth: {
      n: QUERY_LIMITS.depth,
      exposeLimits: false,
      errorMessage: refused(`the query nests fields more than ${QUERY_LIMITS.depth} deep`),
    },
    maxAliases: {
      n: QUERY_LIMITS.aliases,
      exposeLimits: false,
      errorMessage: refused(`the query uses more than ${QUERY_LIMITS.aliases} aliases`),
    },
    maxDirectives: {
      n: QUERY_LIMITS.directives,
      exposeLimits: false,
      errorMessage: refused(`the query uses more than ${QUERY_LIMITS.directives} directives`),
    },
    costLimit: {
      maxCost: QUERY_LIMITS.cost,
      exposeLimits: false,
      errorMessage: refused(
        `the query costs more than ${QUERY_LIMITS.cost} (a scalar field 1, a field with a selection 2 plus 1.5 times its selection, times a literal first argument); ask for fewer fields or fewer items per page`,
      ),
    },
    // The parser counts tokens itself (parseOptions below): a refusal is then a parse failure,
    // answered 400. graphql-armor's token plugin throws from a plugin hook, which Apollo answers
    // 500, and parses every document a second time.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: config.production ? true : SCHEMA_FILE,
    sortSchema: true,
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    // The schema's own description states the limits, in schema.gql too.
    transformSchema: (schema: GraphQLSchema) =>
      new GraphQLSchema({ ...schema.toConfig(), description: SCHEMA_DESCRIPTION }),
    transformAutoSchemaFile: true,
    introspection: !config.production,
    playground: false,
    context: ({ req }: { req: unknown }) => ({ req }),
    formatError: formatGraphqlError,
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    plugins: [...protection.plugins],
    validationRules: [...protection.validationRules],
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
  };
}
