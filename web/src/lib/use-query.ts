import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { requestGraphql } from './graphql-client';

export interface QueryState<T> {
  loading: boolean;
  error: Error | null;
  data: T | null;
  reload: () => void;
}

/** Runs a query when its variables change (null variables: not yet, e.g. no scope chosen). */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> {
  const [state, setState] = useState<Omit<QueryState<TResult>, 'reload'>>({
    loading: variables !== null,
    error: null,
    data: null,
  });
  const [generation, setGeneration] = useState(0);
  const key = variables === null ? null : JSON.stringify(variables);
  const latest = useRef(0);
  useEffect(() => {
    if (key === null) {
      setState({ loading: false, error: null, data: null });
      return;
    }
    const call = ++latest.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    requestGraphql(document, JSON.parse(key) as TVariables).then(
      (data) => call === latest.current && setState({ loading: false, error: null, data }),
      (error: Error) => call === latest.current && setState({ loading: false, error, data: null }),
    );
  }, [document, key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, reload };
}
