import { useState, type FormEvent } from 'react';
import { EligibilityDocument } from '../graphql/documents';
import type { EligibilityQuery } from '../gql/graphql';
import { formatCount } from '../lib/format';
import { requestGraphql } from '../lib/graphql-client';

/** Can this Business app number join coexistence, and how long would a campaign take at 20 msg/s? */
export function CoexistencePage() {
  const [phoneNumber, setPhoneNumber] = useState('');
  const [daysOnApp, setDaysOnApp] = useState('30');
  const [daysSinceOpened, setDaysSinceOpened] = useState('0');
  const [campaignMessages, setCampaignMessages] = useState('10000');
  const [windowMinutes, setWindowMinutes] = useState('60');
  const [result, setResult] = useState<EligibilityQuery['coexistenceEligibility'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const data = await requestGraphql(EligibilityDocument, {
        input: {
          phoneNumber,
          daysOnApp: Number(daysOnApp),
          daysSinceAppLastOpened: Number(daysSinceOpened),
          campaignMessages: Number(campaignMessages),
          campaignWindowMinutes: Number(windowMinutes),
        },
      });
      setResult(data.coexistenceEligibility);
    } catch (error) {
      setProblem((error as Error).message);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="coexistence-title">
      <h1 id="coexistence-title">Coexistence planner</h1>
      <form onSubmit={(event) => void check(event)} aria-label="Eligibility">
        <label>
          Phone number (with country code)
          <input
            value={phoneNumber}
            onChange={(event) => setPhoneNumber(event.target.value)}
            required
          />
        </label>
        <label>
          Days on the Business app
          <input
            type="number"
            min="0"
            value={daysOnApp}
            onChange={(event) => setDaysOnApp(event.target.value)}
          />
        </label>
        <label>
          Days since the app was last opened
          <input
            type="number"
            min="0"
            value={daysSinceOpened}
            onChange={(event) => setDaysSinceOpened(event.target.value)}
          />
        </label>
        <label>
          Campaign messages
          <input
            type="number"
            min="0"
            value={campaignMessages}
            onChange={(event) => setCampaignMessages(event.target.value)}
          />
        </label>
        <label>
          Campaign window (minutes)
          <input
            type="number"
            min="1"
            value={windowMinutes}
            onChange={(event) => setWindowMinutes(event.target.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Check eligibility
        </button>
      </form>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      {result && (
        <div data-testid="eligibility">
          <p className="big">{result.eligible ? 'Eligible for coexistence' : 'Not eligible'}</p>
          <p>
            Campaign time at {formatCount(result.throughputCoexistence)} messages/s (coexistence):{' '}
            {result.campaignMinutesAtCoexistence ?? '—'} minutes
            {result.campaignFitsWindowAtCoexistence === false ? ' — does not fit the window' : ''};
            at {formatCount(result.throughputStandard)} messages/s (Cloud API alone):{' '}
            {result.campaignMinutesStandard ?? '—'} minutes.
          </p>
          {result.blockers.length > 0 && (
            <ul aria-label="Blockers">
              {result.blockers.map((finding) => (
                <li key={finding.code}>{finding.message}</li>
              ))}
            </ul>
          )}
          {result.warnings.length > 0 && (
            <ul aria-label="Warnings">
              {result.warnings.map((finding) => (
                <li key={finding.code}>{finding.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
