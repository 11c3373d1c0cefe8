import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Chart, type ChartPoint } from '../components/Chart';
import { QueryStatus } from '../components/QueryStatus';
import { OverviewDocument } from '../graphql/documents';
import { formatCount, formatMoney, label } from '../lib/format';
import { monthRange, previousMonth } from '../lib/month';
import { scopeSearch, statementInput, useScope } from '../lib/scope';
import { useQuery } from '../lib/use-query';

type Dimension = 'DAY' | 'MARKET' | 'PRICING_CATEGORY' | 'REASON';

export function OverviewPage() {
  const [scope] = useScope();
  const navigate = useNavigate();
  const variables = useMemo(() => {
    const statement = statementInput(scope);
    if (!statement) return null;
    const report = (dimension: Dimension) => ({
      ...monthRange(scope.month),
      groupBy: [dimension],
      filter: {
        months: [scope.month],
        ...(scope.wabaId ? { wabaIds: [scope.wabaId] } : { portfolioIds: [scope.portfolioId!] }),
      },
    });
    return {
      statement,
      previous: statementInput(scope, previousMonth(scope.month))!,
      byDay: report('DAY'),
      byMarket: report('MARKET'),
      byCategory: report('PRICING_CATEGORY'),
      byReason: report('REASON'),
    };
  }, [scope]);
  const { loading, error, data } = useQuery(OverviewDocument, variables);
  const currency = data?.statement.currency ?? 'USD';
  const points = useCallback(
    (
      rows: { amount: string; currency: string; messages: number }[],
      name: (row: never) => string | null | undefined,
      measure: 'amount' | 'messages' = 'amount',
    ): ChartPoint[] =>
      rows
        .filter((row) => row.currency === currency)
        .map((row) => ({
          name: name(row as never) ?? 'Unknown',
          value: measure === 'amount' ? Number(row.amount) : row.messages,
          label:
            measure === 'amount'
              ? formatMoney(row.amount, currency)
              : `${formatCount(row.messages)} messages`,
        })),
    [currency],
  );
  const charts = useMemo(() => {
    if (!data) return null;
    return {
      byDay: points(data.byDay.rows, (row: { day: string | null }) => row.day),
      byMarket: points(data.byMarket.rows, (row: { market: string | null }) => row.market),
      byCategory: points(data.byCategory.rows, (row: { pricingCategory: string | null }) =>
        row.pricingCategory ? label(row.pricingCategory) : 'No category',
      ),
      byReason: points(
        data.byReason.rows,
        (row: { reason: string | null }) => label(row.reason),
        'messages',
      ),
    };
  }, [data, points]);
  const openMarket = useCallback(
    (market: string) => navigate({ pathname: '/messages', search: scopeSearch(scope, { market }) }),
    [navigate, scope],
  );
  const noAccount = variables === null;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview {scope.month}</h1>
      <QueryStatus
        loading={loading}
        error={error}
        empty={noAccount || (data !== null && data.byReason.rows.length === 0)}
        emptyText={
          noAccount
            ? 'No WhatsApp Business account yet: send webhooks or run npm run demo.'
            : `No messages in ${scope.month}.`
        }
      >
        {data && charts && (
          <>
            <div className="cards">
              <div className="card" data-testid="month-total">
                <h2>Total {scope.month}</h2>
                <p className="big" data-testid="total-rounded">
                  {formatMoney(data.statement.total, currency)}
                </p>
                <p>
                  Exact:{' '}
                  <span data-testid="total-exact">
                    {formatMoney(data.statement.exactTotal, currency)}
                  </span>
                </p>
                <p>
                  <Link to={{ pathname: '/statement', search: scopeSearch(scope) }}>
                    Statement {data.statement.number}
                  </Link>
                </p>
              </div>
              <div className="card">
                <h2>Last month ({data.previous.month})</h2>
                <p className="big">{formatMoney(data.previous.total, data.previous.currency)}</p>
                <p>Exact: {formatMoney(data.previous.exactTotal, data.previous.currency)}</p>
              </div>
              <div className="card">
                <h2>Billed vs free</h2>
                <p>
                  {formatCount(data.statement.billedMessages)} billed,{' '}
                  {formatCount(data.statement.unpricedMessages)} unpriced,{' '}
                  {formatCount(data.statement.free.reduce((sum, line) => sum + line.quantity, 0))}{' '}
                  free
                </p>
                <ul aria-label="Free messages by reason">
                  {data.statement.free.map((line) => (
                    <li key={line.reason}>
                      <Link
                        to={{
                          pathname: '/messages',
                          search: scopeSearch(scope, { reason: line.reason }),
                        }}
                      >
                        {label(line.reason)}
                      </Link>
                      : {formatCount(line.quantity)}
                    </li>
                  ))}
                </ul>
              </div>
              <div className="card" data-testid="business-app-savings">
                <h2>Saved by the Business app</h2>
                <p className="big">{formatMoney(data.savings.amount, data.savings.currency)}</p>
                <p>
                  {formatCount(data.savings.messages)} messages sent from the app; the Cloud API
                  would have billed {formatCount(data.savings.billedMessages)} of them as service
                  replies
                  {data.savings.unpricedMessages > 0
                    ? ` (${formatCount(data.savings.unpricedMessages)} without a rate)`
                    : ''}
                  .
                </p>
              </div>
            </div>
            <div className="charts">
              <Chart title="Spend by day" kind="bar" points={charts.byDay} />
              <Chart
                title="Spend by market"
                kind="bar"
                points={charts.byMarket}
                onSelect={openMarket}
              />
              <Chart title="Spend by pricing category" kind="pie" points={charts.byCategory} />
              <Chart
                title="Messages by reason (billed and free)"
                kind="pie"
                points={charts.byReason}
              />
            </div>
            <h2>Markets</h2>
            <ul aria-label="Spend by market" className="market-links">
              {data.byMarket.rows
                .filter((row) => row.currency === currency)
                .map((row) => (
                  <li key={row.market ?? ''}>
                    <Link
                      to={{
                        pathname: '/messages',
                        search: scopeSearch(scope, row.market ? { market: row.market } : {}),
                      }}
                    >
                      {row.market ?? 'Unknown market'}
                    </Link>
                    : {formatMoney(row.amount, currency)} ({formatCount(row.messages)} messages)
                  </li>
                ))}
            </ul>
          </>
        )}
      </QueryStatus>
    </section>
  );
}
