import { useState, type FormEvent } from 'react';
import { QueryStatus } from '../components/QueryStatus';
import { ImportRateCardDocument, JobDocument, RateCardsDocument } from '../graphql/documents';
import { roleAllows, useAuth } from '../lib/auth';
import { formatMoney, label } from '../lib/format';
import { requestGraphql } from '../lib/graphql-client';
import { useScope } from '../lib/scope';
import { useQuery } from '../lib/use-query';

const JOB_POLL_MS = 500;

/** The cards in force by date, where they come from, what they leave unpriced, and imports. */
export function RateCardsPage() {
  const [scope] = useScope();
  const { session } = useAuth();
  const [date, setDate] = useState(`${scope.month}-01`);
  const currency = scope.currency ?? 'USD';
  const cards = useQuery(RateCardsDocument, { currency, date });
  const coverage = cards.data?.rateCardCoverage;
  return (
    <section aria-labelledby="rate-cards-title">
      <h1 id="rate-cards-title">Rate cards ({currency})</h1>
      <label>
        In force on
        <input
          type="date"
          value={date}
          onChange={(event) => event.target.value && setDate(event.target.value)}
        />
      </label>
      <QueryStatus
        loading={cards.loading}
        error={cards.error}
        empty={cards.data?.rateCards.length === 0}
        emptyText="No rate card stored."
      >
        {coverage && (
          <>
            <h2>In force on {date}</h2>
            {coverage.rateCard ? (
              <p data-testid="card-in-force">
                {coverage.rateCard.name}, from {coverage.rateCard.effectiveFrom}:{' '}
                {coverage.rateCard.provenance} ({coverage.pricedMarkets} markets priced)
              </p>
            ) : (
              <p role="status">No {currency} card is in force on that date.</p>
            )}
            <h3>Unpriced markets</h3>
            {coverage.unpriced.length === 0 ? (
              <p>Every market and category has a rate.</p>
            ) : (
              <ul aria-label="Unpriced markets">
                {coverage.unpriced.map((item) => (
                  <li key={`${item.market}|${item.pricingCategory}`}>
                    {item.market}: {label(item.pricingCategory)}
                  </li>
                ))}
              </ul>
            )}
            {coverage.rateCard && (
              <table>
                <caption>Rates of {coverage.rateCard.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Market</th>
                    <th scope="col">Marketing</th>
                    <th scope="col">Utility</th>
                    <th scope="col">Authentication</th>
                    <th scope="col">Authentication-international</th>
                    <th scope="col">Service</th>
                  </tr>
                </thead>
                <tbody>
                  {coverage.rateCard.rates.map((rate) => (
                    <tr key={rate.market}>
                      <th scope="row">{rate.market}</th>
                      {[
                        rate.marketing,
                        rate.utility,
                        rate.authentication,
                        rate.authenticationInternational,
                        rate.service,
                      ].map((value, index) => (
                        <td key={index} className="number">
                          {value ? formatMoney(value, currency) : '—'}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        <h2>Every card</h2>
        <table>
          <caption>Stored rate cards, by effective date</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Currency</th>
              <th scope="col">From</th>
              <th scope="col">Provenance</th>
            </tr>
          </thead>
          <tbody>
            {[...(cards.data?.rateCards ?? [])]
              .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
              .map((card) => (
                <tr key={card.id}>
                  <td>
                    {card.name}
                    {card.builtIn ? ' (built in)' : ''}
                  </td>
                  <td>{card.currency}</td>
                  <td>{card.effectiveFrom}</td>
                  <td>{card.provenance}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </QueryStatus>
      {roleAllows(session, 'OPERATOR') ? (
        <ImportForm
          defaultDate={`${scope.month}-01`}
          currency={currency}
          onImported={cards.reload}
        />
      ) : (
        <p>Importing a card needs an OPERATOR key.</p>
      )}
    </section>
  );
}

function ImportForm(props: { defaultDate: string; currency: string; onImported: () => void }) {
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState(props.currency);
  const [effectiveFrom, setEffectiveFrom] = useState(props.defaultDate);
  const [rates, setRates] = useState<File | null>(null);
  const [tiers, setTiers] = useState<File | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rates) return;
    setFailed(false);
    setStatus('Importing…');
    try {
      const imported = await requestGraphql(ImportRateCardDocument, {
        input: {
          name,
          currency,
          effectiveFrom,
          ratesCsv: await rates.text(),
          ...(tiers ? { volumeTiersCsv: await tiers.text() } : {}),
        },
      });
      const job = imported.importRateCard.repriceJob;
      let repriceError: string | null = null;
      if (job) {
        setStatus('Imported; re-rating the messages it prices…');
        for (;;) {
          const current = await requestGraphql(JobDocument, { id: job.id });
          if (current.job?.status === 'FAILED')
            repriceError = current.job.error ?? 'no reason given';
          if (!current.job || current.job.status === 'DONE' || current.job.status === 'FAILED')
            break;
          await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
        }
      }
      if (repriceError !== null) {
        setFailed(true);
        setStatus(
          `Imported "${imported.importRateCard.name}", but re-rating the messages it prices failed (${repriceError}): the totals do not use it yet; run a reprice of its months.`,
        );
      } else {
        setStatus(`Imported "${imported.importRateCard.name}"; the totals now use it.`);
      }
      props.onImported();
    } catch (error) {
      setFailed(true);
      setStatus(`Not imported: ${(error as Error).message}`);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-label="Import a rate card">
      <h2>Import Meta&apos;s rate card (CSV)</h2>
      <label>
        Name
        <input value={name} onChange={(event) => setName(event.target.value)} required />
      </label>
      <label>
        Currency
        <input
          value={currency}
          onChange={(event) => setCurrency(event.target.value.toUpperCase())}
          required
          maxLength={3}
        />
      </label>
      <label>
        Effective from
        <input
          type="date"
          value={effectiveFrom}
          onChange={(event) => setEffectiveFrom(event.target.value)}
          required
        />
      </label>
      <label>
        Rates CSV
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => setRates(event.target.files?.[0] ?? null)}
          required
        />
      </label>
      <label>
        Volume tiers CSV (optional)
        <input
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => setTiers(event.target.files?.[0] ?? null)}
        />
      </label>
      <button type="submit" disabled={!rates || name === ''}>
        Import
      </button>
      {status && (
        <p role={failed ? 'alert' : 'status'} className={failed ? 'error' : undefined}>
          {status}
        </p>
      )}
    </form>
  );
}
