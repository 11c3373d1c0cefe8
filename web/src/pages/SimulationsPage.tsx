import { useMemo, useState, type FormEvent } from 'react';
import { QueryStatus } from '../components/QueryStatus';
import {
  ForecastDocument,
  SavedScenariosDocument,
  RunSavedScenariosDocument,
  SaveScenarioDocument,
  SimulateDocument,
} from '../graphql/documents';
import type { ScenarioInput, SimulateQuery } from '../gql/graphql';
import { roleAllows, useAuth } from '../lib/auth';
import { formatCount, formatMoney } from '../lib/format';
import { requestGraphql } from '../lib/graphql-client';
import { useScope } from '../lib/scope';
import { useQuery } from '../lib/use-query';

const BASELINE = 'As recorded';

/** What-ifs on the charging engine: the month's recorded traffic vs a changed scenario. */
export function SimulationsPage() {
  const [scope] = useScope();
  const { session } = useAuth();
  const [name, setName] = useState('What if');
  const [movedToAppPercent, setMoved] = useState('0');
  const [growthPercent, setGrowth] = useState('0');
  const [entryPointPercent, setEntryPoint] = useState('0');
  const [result, setResult] = useState<SimulateQuery['simulate'] | null>(null);
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const savedScenarios = useQuery(SavedScenariosDocument, {});
  const forecast = useQuery(
    ForecastDocument,
    scope.wabaId ? { input: { wabaId: scope.wabaId } } : null,
  );
  const traffic = useMemo(
    () =>
      scope.wabaId
        ? { fromWabaId: scope.wabaId, fromMonth: scope.month }
        : scope.portfolioId
          ? { fromPortfolioId: scope.portfolioId, fromMonth: scope.month }
          : null,
    [scope],
  );
  const scenario = (): ScenarioInput => ({
    name,
    ...traffic,
    ...(movedToAppPercent !== '0' ? { movedToAppPercent } : {}),
    ...(growthPercent !== '0' ? { growthPercent } : {}),
    ...(entryPointPercent !== '0' ? { marketingInsideEntryPointPercent: entryPointPercent } : {}),
  });
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setProblem(null);
    try {
      const data = await requestGraphql(SimulateDocument, {
        input: { baseline: BASELINE, scenarios: [{ name: BASELINE, ...traffic }, scenario()] },
      });
      setResult(data.simulate);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setRunning(false);
    }
  };
  const runSaved = async (names: string[]) => {
    setRunning(true);
    setProblem(null);
    try {
      const data = await requestGraphql(RunSavedScenariosDocument, { names });
      setResult(data.runSavedScenarios);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setRunning(false);
    }
  };
  const save = async () => {
    try {
      await requestGraphql(SaveScenarioDocument, { input: scenario() });
      setSaved(`Saved as "${name}".`);
      savedScenarios.reload();
    } catch (error) {
      setSaved(`Not saved: ${(error as Error).message}`);
    }
  };
  return (
    <section aria-labelledby="simulations-title">
      <h1 id="simulations-title">Simulations {scope.month}</h1>
      {traffic === null ? (
        <p role="status">Choose a WABA or portfolio.</p>
      ) : (
        <form onSubmit={(event) => void run(event)} aria-label="Scenario">
          <label>
            Scenario name
            <input value={name} onChange={(event) => setName(event.target.value)} required />
          </label>
          <label>
            Service replies moved to the Business app (%)
            <input
              inputMode="decimal"
              value={movedToAppPercent}
              onChange={(event) => setMoved(event.target.value)}
            />
          </label>
          <label>
            Growth per month (%)
            <input
              inputMode="decimal"
              value={growthPercent}
              onChange={(event) => setGrowth(event.target.value)}
            />
          </label>
          <label>
            Marketing sent inside free entry point windows (%)
            <input
              inputMode="decimal"
              value={entryPointPercent}
              onChange={(event) => setEntryPoint(event.target.value)}
            />
          </label>
          <button type="submit" disabled={running}>
            {running ? 'Running…' : 'Run simulation'}
          </button>
          {roleAllows(session, 'OPERATOR') && (
            <button type="button" onClick={() => void save()}>
              Save scenario
            </button>
          )}
          {saved && <span role="status">{saved}</span>}
        </form>
      )}
      {problem && (
        <p role="alert" className="error">
          The simulation failed: {problem}
        </p>
      )}
      {result && (
        <table data-testid="simulation-result">
          <caption>
            {result.baseline
              ? `Scenarios against the baseline (${result.baseline})`
              : 'Scenarios side by side'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">Messages</th>
              <th scope="col">Billable</th>
              <th scope="col">Unpriced</th>
              <th scope="col">Total (exact)</th>
              <th scope="col">Rounded</th>
              <th scope="col">Against the baseline</th>
            </tr>
          </thead>
          <tbody>
            {result.scenarios.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td className="number">{formatCount(row.messages)}</td>
                <td className="number">{formatCount(row.billableMessages)}</td>
                <td className="number">{formatCount(row.unpricedMessages)}</td>
                <td className="number">{formatMoney(row.total, row.currency)}</td>
                <td className="number">{formatMoney(row.roundedTotal, row.currency)}</td>
                <td className="number">
                  {row.deltaFromBaseline ? formatMoney(row.deltaFromBaseline, row.currency) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Saved scenarios</h2>
      <QueryStatus
        loading={savedScenarios.loading}
        error={savedScenarios.error}
        empty={savedScenarios.data?.savedScenarios.length === 0}
        emptyText="No saved scenario yet."
      >
        <ul aria-label="Saved scenarios">
          {savedScenarios.data?.savedScenarios.map((item) => (
            <li key={item.name}>
              {item.name} (updated {new Date(item.updatedAt).toLocaleString()}){' '}
              <button type="button" disabled={running} onClick={() => void runSaved([item.name])}>
                Run {item.name}
              </button>
            </li>
          ))}
        </ul>
        {(savedScenarios.data?.savedScenarios.length ?? 0) > 1 && (
          <button
            type="button"
            disabled={running}
            onClick={() =>
              void runSaved(savedScenarios.data!.savedScenarios.map((item) => item.name))
            }
          >
            Run every saved scenario side by side
          </button>
        )}
      </QueryStatus>
      <h2>Forecast</h2>
      <QueryStatus
        loading={forecast.loading}
        error={forecast.error}
        empty={!scope.wabaId}
        emptyText="The forecast is per WABA: choose one."
      >
        {forecast.data && (
          <div data-testid="forecast">
            <p>
              {forecast.data.forecast.targetMonth}:{' '}
              <strong>
                {formatMoney(forecast.data.forecast.roundedTotal, forecast.data.forecast.currency)}
              </strong>{' '}
              (exact {formatMoney(forecast.data.forecast.total, forecast.data.forecast.currency)}),
              from {forecast.data.forecast.historyMonths.join(', ') || 'no recorded month'}.
            </p>
            <ul aria-label="Assumptions">
              {forecast.data.forecast.assumptions.map((assumption) => (
                <li key={assumption}>{assumption}</li>
              ))}
            </ul>
          </div>
        )}
      </QueryStatus>
    </section>
  );
}
