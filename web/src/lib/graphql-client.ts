import type { TypedDocumentString } from '../gql/graphql';
import { authorizationHeader, clearApiKey, readApiKey } from './api-key-storage';

/** A GraphQL error as the service answers it (extensions.code names its kind). */
export class GraphqlRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'GraphqlRequestError';
  }
}

/** Posts a typed document to /graphql with the tab's API key; errors become GraphqlRequestError. */
export async function requestGraphql<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  apiKey: string | null = readApiKey(),
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...authorizationHeader(apiKey),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new GraphqlRequestError('The service cannot be reached. Check your connection.', null);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: TResult;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  if (body?.errors?.length) {
    const [first] = body.errors;
    const code = first.extensions?.code ?? null;
    if (code === 'UNAUTHENTICATED') clearApiKey();
    throw new GraphqlRequestError(first.message, code);
  }
  if (!response.ok || !body?.data) {
    throw new GraphqlRequestError(`The service answered HTTP ${response.status}.`, null);
  }
  return body.data;
}
