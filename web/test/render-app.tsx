import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { vi } from 'vitest';
import { App } from '../src/App';
import { AuthProvider } from '../src/lib/auth';

/** What the fake service answers an operation with: data, an error, or never (loading). */
export type Answer =
  | { data: unknown }
  | { error: string; code?: string }
  | 'never'
  | ((variables: Record<string, unknown>) => { data: unknown } | { error: string; code?: string });

export const WABA = '102290129340398';

const DEFAULTS: Record<string, Answer> = {
  CurrentApiKey: { data: { currentApiKey: { id: '1', name: 'finance desk', role: 'FINANCE' } } },
  Scopes: {
    data: {
      wabas: [
        {
          wabaId: WABA,
          name: 'Lumen',
          currency: 'USD',
          timezone: 'America/New_York',
          portfolioId: WABA,
        },
      ],
      portfolios: [{ id: WABA, name: 'Lumen Coffee', wabaIds: [WABA] }],
    },
  },
  SavedScenarios: { data: { savedScenarios: [] } },
  ForecastPage: {
    data: {
      forecast: {
        targetMonth: '2026-12',
        currency: 'USD',
        total: '30.12345',
        roundedTotal: '30.12',
        historyMonths: ['2026-10', '2026-11'],
        assumptions: ['traffic as in the last months'],
      },
    },
  },
};

/** What the fake service answers a request to another address than /graphql with. */
export type HttpAnswer = (url: string, init: RequestInit) => Response;

/**
 * The whole app at `path`, signed in (unless `apiKey` is null), over a fake /graphql that answers
 * each operation by name (and `http` any other address). Returns the operations asked for, with
 * their variables.
 */
export function renderApp(
  path: string,
  answers: Record<string, Answer>,
  apiKey: string | null = 'key',
  http?: HttpAnswer,
) {
  if (apiKey) sessionStorage.setItem('whatsapp-billing.api-key', apiKey);
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  const all = { ...DEFAULTS, ...answers };
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      if (url !== '/graphql') {
        if (!http) throw new Error(`no answer for ${url}`);
        return Promise.resolve(http(url, init));
      }
      const body = JSON.parse(init.body as string) as {
        query: string;
        variables: Record<string, unknown>;
      };
      const operation = /(?:query|mutation)\s+(\w+)/.exec(body.query)![1];
      calls.push({ operation, variables: body.variables });
      let answer = all[operation];
      if (answer === undefined) throw new Error(`no answer for ${operation}`);
      if (answer === 'never') return new Promise(() => undefined);
      if (typeof answer === 'function') answer = answer(body.variables);
      const payload =
        'data' in answer
          ? { data: answer.data }
          : {
              errors: [
                { message: answer.error, extensions: { code: answer.code ?? 'BAD_USER_INPUT' } },
              ],
            };
      return Promise.resolve(new Response(JSON.stringify(payload), { status: 200 }));
    }),
  );
  render(
    <MemoryRouter initialEntries={[path]}>
      <AuthProvider>
        <App />
      </AuthProvider>
    </MemoryRouter>,
  );
  return calls;
}
