import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloDriver } from '@nestjs/apollo';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';
import { formatGraphqlError } from './format-graphql-error';

export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

/** Apollo, code-first, with query depth, cost and alias limits; schema.gql is committed. */
export function buildGraphqlOptions(config: AppConfig): ApolloDriverConfig {
  const armor = new ApolloArmor({
    maxDepth: { n: 10 },
    maxAliases: { n: 15 },
    costLimit: { maxCost: 20000 },
    maxTokens: { n: 5000 },
    blockFieldSuggestion: { enabled: config.production },
  });
  const protection = armor.protect();
  return {
    driver: ApolloDriver,
    path: '/graphql',
    autoSchemaFile: config.production ? true : SCHEMA_FILE,
    sortSchema: true,
    introspection: !config.production,
    playground: false,
    context: ({ req }: { req: unknown }) => ({ req }),
    formatError: formatGraphqlError,
    plugins: [...protection.plugins],
    validationRules: [...protection.validationRules],
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
  };
}
