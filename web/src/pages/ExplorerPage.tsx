import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { useMemo } from 'react';
import { authorizationHeader } from '../lib/api-key-storage';

/**
 * GraphiQL, bundled from npm and loaded as its own chunk (React.lazy) so that it does not weigh on
 * the other pages. It sends the tab's API key as the Authorization header, never in a URL.
 */
export default function ExplorerPage() {
  const fetcher = useMemo(
    () =>
      createGraphiQLFetcher({
        url: '/graphql',
        headers: authorizationHeader(),
      }),
    [],
  );
  return (
    <section className="explorer" aria-label="GraphQL explorer">
      <GraphiQL
        fetcher={fetcher}
        defaultQuery={'{\n  currentApiKey {\n    name\n    role\n  }\n}\n'}
      />
    </section>
  );
}
