import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { QueryStatus } from '../components/QueryStatus';
import { Pager, usePageCursors } from '../components/Pager';
import { ReconciliationDocument } from '../graphql/documents';
import type { ReconciliationKind } from '../gql/graphql';
import { formatCount, formatMoney, label } from '../lib/format';
import { monthRange } from '../lib/month';
import { scopeSearch, useScope } from '../lib/scope';
import { useQuery } from '../lib/use-query';

const KIND_LABELS: Record<ReconciliationKind, string> = {
  META_BILLED_ESTIMATE_FREE: 'Meta billed, our estimate was free',
  META_FREE_ESTIMATE_BILLED: 'Meta did not bill, our estimate was billable',
  CATEGORY_DIFFERS: 'The pricing category differs',
};

/** Meta's verdict vs our estimate: groups by kind, then the messages of each (drill-down). */
export function ReconciliationPage() {
  const [scope] = useScope();
  const input = useMemo(() => {
    if (!scope.wabaId && !scope.portfolioId) return null;
    return {
      ...monthRange(scope.month),
      ...(scope.wabaId ? { wabaId: scope.wabaId } : { portfolioId: scope.portfolioId }),
    };
  }, [scope]);
  const { cursors, after, onCursorsChange } = usePageCursors(JSON.stringify(input));
  const { loading, error, data } = useQuery(
    ReconciliationDocument,
    input ? { input, first: 50, after } : null,
  );
  const connection = data?.reconciliation;
  return (
    <section aria-labelledby="reconciliation-title">
      <h1 id="reconciliation-title">Reconciliation {scope.month}</h1>
      <p>
        Messages whose charge Meta decided differently from our estimate (around the month, UTC).
      </p>
      <QueryStatus
        loading={loading}
        error={error}
        empty={input === null || connection?.totalCount === 0}
        emptyText={
          input === null
            ? 'Choose a WABA or portfolio.'
            : "Meta's verdicts agree with our estimates."
        }
      >
        {connection && (
          <>
            <table>
              <caption>Differences by kind</caption>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col">Messages</th>
                  <th scope="col">Amount at stake</th>
                </tr>
              </thead>
              <tbody>
                {connection.groups.map((group) => (
                  <tr key={`${group.kind}|${group.currency}`}>
                    <td>{KIND_LABELS[group.kind]}</td>
                    <td className="number">{formatCount(group.messages)}</td>
                    <td className="number">
                      {group.amountAtStake === null || group.amountAtStake === undefined
                        ? 'count only'
                        : formatMoney(group.amountAtStake, group.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <table>
              <caption>The messages</caption>
              <thead>
                <tr>
                  <th scope="col">Message</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Meta&apos;s verdict</th>
                  <th scope="col">Our estimate</th>
                  <th scope="col">Charge</th>
                </tr>
              </thead>
              <tbody>
                {connection.edges.map(({ node }) => (
                  <tr key={node.wamid}>
                    <td>
                      <Link
                        to={{
                          pathname: '/messages',
                          search: scopeSearch(scope, { wamid: node.wamid }),
                        }}
                      >
                        {node.wamid}
                      </Link>
                    </td>
                    <td>{KIND_LABELS[node.kind]}</td>
                    <td>
                      {label(node.chargeReason)} ({label(node.chargePricingCategory)})
                    </td>
                    <td>
                      {label(node.estimateReason)} ({label(node.estimatePricingCategory)})
                    </td>
                    <td className="number">{formatMoney(node.amount, node.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              items="differences"
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
