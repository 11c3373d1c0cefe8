import { useEffect } from 'react';
import { ScopesDocument } from '../graphql/documents';
import { useScope } from '../lib/scope';
import { useQuery } from '../lib/use-query';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'INR', 'IDR', 'BRL', 'MXN'];

/** Month, WABA or portfolio, and currency: the scope of every page. */
export function ScopePicker() {
  const [scope, setScope] = useScope();
  const scopes = useQuery(ScopesDocument, {});
  const wabas = scopes.data?.wabas ?? [];
  const portfolios = scopes.data?.portfolios ?? [];
  useEffect(() => {
    if (!scope.wabaId && !scope.portfolioId && wabas.length > 0) {
      setScope({ wabaId: wabas[0].wabaId });
    }
  }, [scope.wabaId, scope.portfolioId, wabas, setScope]);
  const selected = scope.wabaId
    ? `waba:${scope.wabaId}`
    : scope.portfolioId
      ? `portfolio:${scope.portfolioId}`
      : '';
  return (
    <form className="scope" aria-label="Scope" onSubmit={(event) => event.preventDefault()}>
      <label>
        Month
        <input
          type="month"
          value={scope.month}
          onChange={(event) => event.target.value && setScope({ month: event.target.value })}
        />
      </label>
      <label>
        Account
        <select
          value={selected}
          onChange={(event) => {
            const [kind, id] = event.target.value.split(/:(.*)/s);
            setScope(
              kind === 'waba'
                ? { wabaId: id, portfolioId: null }
                : { wabaId: null, portfolioId: id },
            );
          }}
        >
          {selected === '' && (
            <option value="">{scopes.loading ? 'Loading…' : 'No account yet'}</option>
          )}
          <optgroup label="WABAs">
            {wabas.map((waba) => (
              <option key={waba.wabaId} value={`waba:${waba.wabaId}`}>
                {waba.name ? `${waba.name} (${waba.wabaId})` : `WABA ${waba.wabaId}`}
              </option>
            ))}
          </optgroup>
          <optgroup label="Portfolios">
            {portfolios.map((portfolio) => (
              <option key={portfolio.id} value={`portfolio:${portfolio.id}`}>
                {portfolio.name
                  ? `${portfolio.name} (${portfolio.id})`
                  : `Portfolio ${portfolio.id}`}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <label>
        Currency
        <select
          value={scope.currency ?? ''}
          onChange={(event) => setScope({ currency: event.target.value || null })}
        >
          <option value="">As charged</option>
          {CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {currency}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
