import { MessageDocument } from '../graphql/documents';
import { formatMoney, label, tierLabel } from '../lib/format';
import { useQuery } from '../lib/use-query';
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
          {message.charge.source === 'META' &&
            (message.charge.estimateReason !== message.charge.reason ||
              message.charge.estimatePricingCategory !== message.charge.pricingCategory) && (
              <p className="meta-verdict">
                Meta&apos;s verdict: {label(message.charge.reason)} (
                {label(message.charge.pricingCategory)}); our estimate was{' '}
                {label(message.charge.estimateReason)} (
                {label(message.charge.estimatePricingCategory)}).
              </p>
            )}
        </article>
      )}
    </QueryStatus>
  );
}
