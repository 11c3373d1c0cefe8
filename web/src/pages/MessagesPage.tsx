import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { MessageDetail } from '../components/MessageDetail';
import { QueryStatus } from '../components/QueryStatus';
import { MetaVerdict } from '../components/MetaVerdict';
import { Pager, usePageCursors } from '../components/Pager';
import { MessagesDocument } from '../graphql/documents';
import type { ChargeReason, MessageFilter, MessageOrigin, PricingCategory } from '../gql/graphql';
import { formatMoney, label, tierLabel } from '../lib/format';
import { useScope } from '../lib/scope';
import { useQuery } from '../lib/use-query';

const REASONS: ChargeReason[] = [
  'BILLED',
  'NO_RATE',
  'FREE_INBOUND',
  'FREE_BUSINESS_APP',
  'FREE_HISTORY_IMPORT',
  'FREE_CUSTOMER_SERVICE_WINDOW',
  'FREE_ENTRY_POINT',
  'FREE_TIER',
  'FREE_CBP_CONVERSATION',
  'PENDING',
  'NOT_DELIVERED',
  'REJECTED_OUTSIDE_WINDOW',
];
const CATEGORIES: PricingCategory[] = [
  'MARKETING',
  'MARKETING_LITE',
  'UTILITY',
  'AUTHENTICATION',
  'AUTHENTICATION_INTERNATIONAL',
  'SERVICE',
];
const ORIGINS: MessageOrigin[] = ['CLOUD_API', 'BUSINESS_APP', 'HISTORY_IMPORT'];
const PAGE_SIZE = 50;

/** Text filters kept in the address, so that a chart or a statement line can link here. */
const TEXT_FILTERS = [
  { param: 'day', label: 'Day (YYYY-MM-DD)' },
  { param: 'phone', label: 'Phone number ID' },
  { param: 'market', label: 'Market' },
  { param: 'country', label: 'Country (ISO code)' },
  { param: 'tier', label: 'Volume tier (e.g. 0:750000)' },
] as const;

export function MessagesPage() {
  const [scope] = useScope();
  const [params, setParams] = useSearchParams();
  const value = (name: string) => params.get(name) ?? '';
  const setFilter = (name: string, next: string) => {
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        if (next) updated.set(name, next);
        else updated.delete(name);
        return updated;
      },
      { replace: true },
    );
  };
  const filter = useMemo<MessageFilter | null>(() => {
    if (!scope.wabaId && !scope.portfolioId) return null;
    const list = (name: string) => (params.get(name) ? [params.get(name)!] : undefined);
    return {
      months: [scope.month],
      ...(scope.wabaId ? { wabaIds: [scope.wabaId] } : { portfolioIds: [scope.portfolioId!] }),
      ...(scope.currency ? { currencies: [scope.currency] } : {}),
      days: list('day'),
      phoneNumberIds: list('phone'),
      markets: list('market'),
      countries: list('country'),
      tiers: list('tier'),
      reasons: list('reason') as ChargeReason[] | undefined,
      pricingCategories: list('category') as PricingCategory[] | undefined,
      origins: list('origin') as MessageOrigin[] | undefined,
    };
  }, [scope, params]);
  const { cursors, after, onCursorsChange } = usePageCursors(JSON.stringify(filter));
  const { loading, error, data } = useQuery(
    MessagesDocument,
    filter ? { filter, first: PAGE_SIZE, after } : null,
  );
  const connection = data?.messages;
  return (
    <section aria-labelledby="messages-title">
      <h1 id="messages-title">Messages {scope.month}</h1>
      {params.get('wamid') && <MessageDetail wamid={params.get('wamid')!} />}
      <form className="filters" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
        {TEXT_FILTERS.map((field) => (
          <label key={field.param}>
            {field.label}
            <input
              type="text"
              defaultValue={value(field.param)}
              onBlur={(event) => setFilter(field.param, event.target.value.trim())}
              onKeyDown={(event) => {
                if (event.key === 'Enter') setFilter(field.param, event.currentTarget.value.trim());
              }}
            />
          </label>
        ))}
        <label>
          Reason
          <select
            value={value('reason')}
            onChange={(event) => setFilter('reason', event.target.value)}
          >
            <option value="">Any</option>
            {REASONS.map((reason) => (
              <option key={reason} value={reason}>
                {label(reason)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Pricing category
          <select
            value={value('category')}
            onChange={(event) => setFilter('category', event.target.value)}
          >
            <option value="">Any</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {label(category)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Origin
          <select
            value={value('origin')}
            onChange={(event) => setFilter('origin', event.target.value)}
          >
            <option value="">Any</option>
            {ORIGINS.map((origin) => (
              <option key={origin} value={origin}>
                {label(origin)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <QueryStatus
        loading={loading}
        error={error}
        empty={filter === null || (connection !== undefined && connection.edges.length === 0)}
        emptyText={
          filter === null ? 'Choose a WABA or portfolio.' : 'No message matches these filters.'
        }
      >
        {connection && (
          <>
            <table>
              <caption>Messages, in the order they were recorded</caption>
              <thead>
                <tr>
                  <th scope="col">Message</th>
                  <th scope="col">Market</th>
                  <th scope="col">Category</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Charge</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => {
                  const charge = node.charge;
                  return (
                    <tr key={node.wamid + (node.phoneNumberId ?? '')}>
                      <td>
                        <details>
                          <summary>{node.wamid}</summary>
                          <p className="explanation">{charge.explanation}</p>
                          <p>
                            {node.direction.toLowerCase()} · {label(node.origin)} ·{' '}
                            {node.status.toLowerCase()}
                            {node.templateName ? ` · template ${node.templateName}` : ''}
                          </p>
                          <MetaVerdict charge={charge} />
                        </details>
                      </td>
                      <td>{charge.market ?? '—'}</td>
                      <td>{label(charge.pricingCategory)}</td>
                      <td>{label(charge.reason)}</td>
                      <td>{charge.pricingCategory ? tierLabel(charge.tier) : '—'}</td>
                      <td className="number">{formatMoney(charge.amount, charge.currency)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <Pager
              items="messages"
              cursors={cursors}
              onCursorsChange={onCursorsChange}
              pageInfo={connection.pageInfo}
            />
          </>
        )}
      </QueryStatus>
    </section>
  );
}
