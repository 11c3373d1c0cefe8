import { Link } from 'react-router-dom';
import { ExportButtons } from '../components/ExportButtons';
import { QueryStatus } from '../components/QueryStatus';
import { StatementDocument } from '../graphql/documents';
import { formatCount, formatMoney, fractionDigits, label, tierLabel } from '../lib/format';
import { scopeSearch, statementInput, useScope } from '../lib/scope';
import { useQuery } from '../lib/use-query';

/** The monthly statement as the PDF shows it: billed lines, unpriced, free, not billed, totals. */
export function StatementPage() {
  const [scope] = useScope();
  const input = statementInput(scope);
  const { loading, error, data } = useQuery(StatementDocument, input ? { input } : null);
  const statement = data?.monthlyStatement;
  // As on the PDF: each money column shows the decimals its most precise value needs.
  const rateDigits = Math.max(
    0,
    ...(statement?.lines ?? []).map((line) => fractionDigits(line.rate)),
  );
  const amountDigits = Math.max(
    fractionDigits(statement?.exactTotal ?? '0'),
    ...(statement?.lines ?? []).map((line) => fractionDigits(line.amount)),
  );
  const money = (amount: string, digits = 0) =>
    formatMoney(amount, statement?.currency ?? 'USD', undefined, digits);
  return (
    <section aria-labelledby="statement-title">
      <h1 id="statement-title">Statement {scope.month}</h1>
      <QueryStatus
        loading={loading}
        error={error}
        empty={input === null}
        emptyText="Choose a WABA or portfolio."
      >
        {statement && input && (
          <>
            <dl className="statement-head">
              <dt>Number</dt>
              <dd data-testid="statement-number">{statement.number}</dd>
              <dt>Business</dt>
              <dd>{statement.portfolioName ?? `Portfolio ${statement.portfolioId}`}</dd>
              <dt>WABA</dt>
              <dd>
                {statement.wabaId
                  ? (statement.wabaName ?? `WABA ${statement.wabaId}`)
                  : statement.wabaIds.join(', ')}
              </dd>
              <dt>Period</dt>
              <dd>
                {statement.month} ({statement.timezone ?? 'each account in its own time zone'})
              </dd>
              <dt>Currency</dt>
              <dd>{statement.currency}</dd>
              <dt>Rate cards</dt>
              <dd>{statement.rateCards.join(', ') || '—'}</dd>
              <dt>Issued</dt>
              <dd>{new Date(statement.issuedAt).toLocaleString()}</dd>
            </dl>
            <p className="notice">
              This statement is an estimate computed from the messages this service recorded. It is
              not Meta&apos;s invoice; Meta bills from its own records.
            </p>
            <ExportButtons
              input={{ kind: 'STATEMENT', ...input }}
              formats={['CSV', 'XLSX', 'PDF']}
            />
            <table>
              <caption>Billed</caption>
              <thead>
                <tr>
                  <th scope="col">Market</th>
                  <th scope="col">Pricing category</th>
                  <th scope="col">Volume tier</th>
                  <th scope="col">Quantity</th>
                  <th scope="col">Rate</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                {statement.lines.map((line) => (
                  <tr key={`${line.market}|${line.pricingCategory}|${line.tier}|${line.rate}`}>
                    <td>
                      <Link
                        to={{
                          pathname: '/messages',
                          search: scopeSearch(scope, {
                            market: line.market,
                            category: line.pricingCategory,
                            reason: 'BILLED',
                          }),
                        }}
                      >
                        {line.market}
                      </Link>
                    </td>
                    <td>{label(line.pricingCategory)}</td>
                    <td>{tierLabel(line.tier)}</td>
                    <td className="number">{formatCount(line.quantity)}</td>
                    <td className="number">{money(line.rate, rateDigits)}</td>
                    <td className="number">{money(line.amount, amountDigits)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3}>
                    Total billed (exact)
                  </th>
                  <td className="number">{formatCount(statement.billedMessages)}</td>
                  <td />
                  <td className="number" data-testid="statement-exact-total">
                    {money(statement.exactTotal, amountDigits)}
                  </td>
                </tr>
                <tr>
                  <th scope="row" colSpan={5}>
                    Total (rounded half-up)
                  </th>
                  <td className="number" data-testid="statement-total">
                    {money(statement.total)}
                  </td>
                </tr>
              </tfoot>
            </table>
            <table>
              <caption>Unpriced (billable, no rate in the card in force; not in the total)</caption>
              <thead>
                <tr>
                  <th scope="col">Market</th>
                  <th scope="col">Pricing category</th>
                  <th scope="col">Quantity</th>
                </tr>
              </thead>
              <tbody>
                {statement.unpriced.map((line) => (
                  <tr key={`${line.market}|${line.pricingCategory}`}>
                    <td>{line.market}</td>
                    <td>{label(line.pricingCategory)}</td>
                    <td className="number">{formatCount(line.quantity)}</td>
                  </tr>
                ))}
                {statement.unpricedUnclassifiedMessages > 0 && (
                  <tr>
                    <td colSpan={2}>Market or category unknown</td>
                    <td className="number">
                      {formatCount(statement.unpricedUnclassifiedMessages)}
                    </td>
                  </tr>
                )}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={2}>
                    Total unpriced
                  </th>
                  <td className="number">{formatCount(statement.unpricedMessages)}</td>
                </tr>
              </tfoot>
            </table>
            <table>
              <caption>Free</caption>
              <tbody>
                {statement.free.map((line) => (
                  <tr key={line.reason}>
                    <th scope="row">{label(line.reason)}</th>
                    <td className="number">{formatCount(line.quantity)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>Not billed</caption>
              <tbody>
                <tr>
                  <th scope="row">{label('PENDING')}</th>
                  <td className="number">{formatCount(statement.pendingMessages)}</td>
                </tr>
                <tr>
                  <th scope="row">{label('NOT_DELIVERED')}</th>
                  <td className="number">{formatCount(statement.notDeliveredMessages)}</td>
                </tr>
                <tr>
                  <th scope="row">{label('REJECTED_OUTSIDE_WINDOW')}</th>
                  <td className="number">{formatCount(statement.rejectedMessages)}</td>
                </tr>
              </tbody>
            </table>
          </>
        )}
      </QueryStatus>
    </section>
  );
}
