import { MessageDocument } from '../graphql/documents';
import { formatMoney, label, tierLabel } from '../lib/format';
import { useQuery } from '../lib/use-query';
import { MetaVerdict } from './MetaVerdict';
import { QueryStatus } from './QueryStatus';

/** One message with its charge and explanation (a reconciliation row links here). */
export function MessageDetail({ wamid }: { wamid: string }) {
  const { loading, error, data } = useQuery(MessageDocument, { wamid });
  const message = data?.message;
  return (
    <QueryStatus
      loading={loading}
      error={error}
      empty={data !== null && !message}
      emptyText={`No message ${wamid}.`}
    >
      {message && (
        <article aria-label={`Message ${message.wamid}`} className="card">
          <h2>{message.wamid}</h2>
          <p className="explanation">{message.charge.explanation}</p>
          <p>
            {label(message.charge.reason)} · {label(message.charge.pricingCategory)} ·{' '}
            {message.charge.market ?? '—'} ·{' '}
            {message.charge.pricingCategory ? tierLabel(message.charge.tier) : 'no tier'} ·{' '}
            {formatMoney(message.charge.amount, message.charge.currency)}
          </p>
          <MetaVerdict charge={message.charge} />
        </article>
      )}
    </QueryStatus>
  );
}
