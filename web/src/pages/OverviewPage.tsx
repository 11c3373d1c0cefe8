import { useCallback, useMemo } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Chart } from '../components/Chart';
import { QueryStatus } from '../components/QueryStatus';
import { OverviewByDayDocument, OverviewDocument } from '../graphql/documents';
import { formatCount, formatMoney, label } from '../lib/format';
import { monthRange, previousMonth } from '../lib/month';
import { moneyPoints, reasonPoints, sumBy } from '../lib/overview-figures';
import { scopeSearch, statementInput, useScope } from '../lib/scope';
import { useQuery } from '../lib/use-query';

/**
 * The month at a glance. Two requests, both read from the rollups: spend by day (the first chart,
 * one read) and then the rest (statement, last month, market × category, Business app savings).
 */
export function OverviewPage() {
  const [scope] = useScope();
  const navigate = useNavigate();
  const variables = useMemo(() => {
    const statement = statementInput(scope);
    if (!statement) return null;
    const report = (groupBy: ('DAY' | 'MARKET' | 'PRICING_CATEGORY')[]) => ({
      ...monthRange(scope.month),
      groupBy,
      filter: {
        months: [scope.month],
        ...(scope.wabaId ? { wabaIds: [scope.wabaId] } : { portfolioIds: [scope.portfolioId!] }),
      },
    });
    return {
      byDay: { byDay: report(['DAY']) },
      rest: {
        statement,
        previous: statementInput(scope, previousMonth(scope.month))!,
        byMarketCategory: report(['MARKET', 'PRICING_CATEGORY']),
      },
    };
  }, [scope]);
  const byDay = useQuery(OverviewByDayDocument, variables?.byDay ?? null);
  // Asked once the first chart's figures are in: the service answers SQLite reads one at a time,
  // so the heavier request would otherwise delay the first chart.
  const rest = useQuery(OverviewDocument, byDay.data ? (variables?.rest ?? null) : null);
  const data = rest.data;
  const dayRows = byDay.data?.byDay.rows ?? [];
  const currency = data?.statement.currency ?? scope.currency ?? dayRows[0]?.currency ?? 'USD';
  const dayPoints = useMemo(
    () =>
      moneyPoints(
        sumBy(dayRows, currency, (row) => row.day ?? 'Unknown day'),
        currency,
      ),
    [dayRows, currency],
  );
  const markets = useMemo(
    () =>
      data
        ? sumBy(data.byMarketCategory.rows, currency, (row) => row.market ?? 'Unknown market')
        : [],
    [data, currency],
  );
  const categories = useMemo(
    () =>
      data
        ? sumBy(data.byMarketCategory.rows, currency, (row) =>
            row.pricingCategory ? label(row.pricingCategory) : 'No category',
          )
        : [],
    [data, currency],
  );
  const marketPoints = useMemo(() => moneyPoints(markets, currency), [markets, currency]);
  const categoryPoints = useMemo(() => moneyPoints(categories, currency), [categories, currency]);
  const reasons = useMemo(() => (data ? reasonPoints(data.statement) : []), [data]);
  const openMarket = useCallback(
    (market: string) => navigate({ pathname: '/messages', search: scopeSearch(scope, { market }) }),
    [navigate, scope],
  );
  const noAccount = variables === null;
  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">Overview {scope.month}</h1>
      <QueryStatus
        loading={byDay.loading}
        error={byDay.error}
        empty={noAccount || (byDay.data !== null && dayRows.length === 0)}
        emptyText={
          noAccount
            ? 'No WhatsApp Business account yet: send webhooks or run npm run demo.'
            : `No messages in ${scope.month}.`
        }
      >
        <div className="charts">
          <Chart title="Spend by day" kind="bar" points={dayPoints} />
        </div>
        <QueryStatus loading={rest.loading} error={rest.error} empty={false} emptyText="">
          {data && (
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
                <Chart
                  title="Spend by market"
                  kind="bar"
                  points={marketPoints}
                  onSelect={openMarket}
                />
                <Chart title="Spend by pricing category" kind="pie" points={categoryPoints} />
                <Chart title="Messages by reason (billed and free)" kind="pie" points={reasons} />
              </div>
              <h2>Markets</h2>
              <ul aria-label="Spend by market" className="market-links">
                {markets.map((market) => (
                  <li key={market.name}>
                    <Link
                      to={{
                        pathname: '/messages',
                        search: scopeSearch(
                          scope,
                          market.name === 'Unknown market' ? {} : { market: market.name },
                        ),
                      }}
                    >
                      {market.name}
                    </Link>
                    : {formatMoney(market.amount, currency)} ({formatCount(market.messages)}{' '}
                    messages)
                  </li>
                ))}
              </ul>
            </>
          )}
        </QueryStatus>
      </QueryStatus>
    </section>
  );
}
