import { useEffect, useRef, useState, type FormEvent } from 'react';
import { QueryStatus } from '../components/QueryStatus';
import { ImportJobDocument, ImportJobsDocument } from '../graphql/documents';
import type { ImportJobQuery } from '../gql/graphql';
import { authorizationHeader } from '../lib/api-key-storage';
import { roleAllows, useAuth } from '../lib/auth';
import { formatCount } from '../lib/format';
import { requestGraphql } from '../lib/graphql-client';
import { useQuery } from '../lib/use-query';

const JOB_POLL_MS = 1000;

type ImportJob = NonNullable<ImportJobQuery['job']>;

const FORMAT_LABELS: Record<string, string> = {
  SEND_LOG_CSV: 'Send log (CSV)',
  WEBHOOK_JSONL: 'Webhook bodies (one a line)',
};

/** Uploads a send log or webhook bodies to POST /imports, follows the job, lists recent imports. */
export function ImportsPage() {
  const { session } = useAuth();
  return (
    <section aria-labelledby="imports-title">
      <h1 id="imports-title">Imports</h1>
      {roleAllows(session, 'OPERATOR') ? (
        <Imports />
      ) : (
        <p>Importing files needs an OPERATOR key.</p>
      )}
    </section>
  );
}

function Imports() {
  const recent = useQuery(ImportJobsDocument, {});
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [job, setJob] = useState<ImportJob | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setJob(null);
    let id: string;
    try {
      id = await uploadImport(file);
    } catch (error) {
      if (mounted.current) {
        setFailure(`Not imported: ${(error as Error).message}`);
        setBusy(false);
      }
      return;
    }
    try {
      for (;;) {
        const { job: current } = await requestGraphql(ImportJobDocument, { id });
        if (!mounted.current) return;
        if (!current) throw new Error(`the import job ${id} is gone`);
        setJob(current);
        if (current.status === 'DONE' || current.status === 'FAILED') break;
        await new Promise((resolve) => setTimeout(resolve, JOB_POLL_MS));
        if (!mounted.current) return;
      }
      recent.reload();
    } catch (error) {
      if (mounted.current) {
        setFailure(`The import was queued, but following it failed: ${(error as Error).message}`);
      }
    } finally {
      if (mounted.current) setBusy(false);
    }
  };
  return (
    <>
      <form
        className="import-form"
        onSubmit={(event) => void submit(event)}
        aria-label="Import a file"
      >
        <h2>Upload a file</h2>
        <p>
          A <code>.csv</code> file is read as a send log; any other file as Meta webhook bodies, one
          a line.
        </p>
        <label>
          File
          <input
            type="file"
            accept=".csv,.jsonl,.ndjson,.json"
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" disabled={!file || busy}>
          Import
        </button>
        {failure && (
          <p role="alert" className="error">
            {failure}
          </p>
        )}
      </form>
      {job && <ImportJobView job={job} />}
      <h2>Recent imports</h2>
      <QueryStatus
        loading={recent.loading && !recent.data}
        error={recent.error}
        empty={recent.data?.jobs.edges.length === 0}
        emptyText="No import yet."
      >
        <table>
          <caption>The last 10 imports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">When</th>
              <th scope="col">Lines</th>
              <th scope="col">Stored</th>
              <th scope="col">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {recent.data?.jobs.edges.map(({ node }) => (
              <tr key={node.id}>
                <td>
                  {node.status}
                  {node.status === 'RUNNING' ? ` (${percent(node.progress)})` : ''}
                </td>
                <td>{new Date(node.createdAt).toLocaleString()}</td>
                <td className="number">{countOrDash(node.import?.linesRead)}</td>
                <td className="number">{countOrDash(node.import?.stored)}</td>
                <td className="number">{countOrDash(node.import?.rejectedLines)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryStatus>
    </>
  );
}

/** Posts the file itself as the body; answers the id of the IMPORT job the service queued. */
async function uploadImport(file: File): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/imports', {
      method: 'POST',
      headers: {
        'Content-Type': file.name.toLowerCase().endsWith('.csv')
          ? 'text/csv'
          : 'application/x-ndjson',
        ...authorizationHeader(),
      },
      body: file,
    });
  } catch {
    throw new Error('The service cannot be reached. Check your connection.');
  }
  const body = (await response.json().catch(() => null)) as {
    job?: { id: string };
    message?: string;
  } | null;
  if (!response.ok || !body?.job) {
    throw new Error(body?.message ?? `The service answered HTTP ${response.status}.`);
  }
  return body.job.id;
}

function ImportJobView({ job }: { job: ImportJob }) {
  if (job.status === 'FAILED') {
    return (
      <p role="alert" className="error">
        The import failed: {job.error ?? 'no reason given'}
      </p>
    );
  }
  if (job.status !== 'DONE') {
    return (
      <p role="status" aria-live="polite">
        {job.status === 'QUEUED' ? 'Queued…' : 'Importing…'} {percent(job.progress)}{' '}
        <progress value={job.progress} max={1} aria-label="Import progress" />
      </p>
    );
  }
  const summary = job.import;
  if (!summary) return <p role="status">Imported.</p>;
  const figures: [string, number][] = [
    ['Lines read', summary.linesRead],
    ['Stored', summary.stored],
    ['Duplicates', summary.duplicates],
    ['Rejected lines', summary.rejectedLines],
    ['Messages changed', summary.messagesChanged],
    ['Messages re-rated', summary.repricedMessages],
  ];
  return (
    <>
      <h2>Imported</h2>
      <dl className="import-summary" aria-label="Import summary">
        <div>
          <dt>Format</dt>
          <dd>{FORMAT_LABELS[summary.format] ?? summary.format}</dd>
        </div>
        {figures.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      {job.attempts > 1 && (
        <p>
          Resumed after an interruption ({job.attempts} attempts): the file was read again, and
          lines an earlier attempt stored count as duplicates.
        </p>
      )}
      {summary.problemCount > 0 && (
        <table>
          <caption>
            {summary.problemCount > summary.problems.length
              ? `Problems: first ${formatCount(summary.problems.length)} of ${formatCount(summary.problemCount)}`
              : `Problems (${formatCount(summary.problemCount)})`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {summary.problems.map((problem, index) => (
              <tr key={index}>
                <td className="number">{formatCount(problem.line)}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function percent(progress: number): string {
  return `${Math.floor(progress * 100)}%`;
}

function countOrDash(value: number | undefined): string {
  return value === undefined ? '—' : formatCount(value);
}
