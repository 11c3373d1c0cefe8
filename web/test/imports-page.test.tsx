import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, WABA, type HttpAnswer } from './render-app';

const SCOPE = `?month=2026-11&waba=${WABA}`;
const OPERATOR = {
  CurrentApiKey: { data: { currentApiKey: { id: '2', name: 'ops', role: 'OPERATOR' } } },
};
const JOB_ID = '6f1c2a9e-0d4b-4c1e-9a51-3b7d2e8f4a10';

const RECENT = {
  data: {
    jobs: {
      edges: [
        {
          node: {
            id: 'a8e0d1c2-5b6f-4e7a-8c9d-0e1f2a3b4c5d',
            status: 'DONE',
            progress: 1,
            createdAt: '2026-12-04T09:00:00.000Z',
            finishedAt: '2026-12-04T09:00:05.000Z',
            import: { linesRead: 2500, stored: 2498, rejectedLines: 2 },
          },
        },
      ],
    },
  },
};

const job = (fields: Record<string, unknown>) => ({
  id: JOB_ID,
  status: 'RUNNING',
  progress: 0,
  attempts: 1,
  error: null,
  startedAt: '2026-12-05T10:00:00.000Z',
  finishedAt: null,
  import: null,
  ...fields,
});

const DONE = job({
  status: 'DONE',
  progress: 1,
  finishedAt: '2026-12-05T10:00:09.000Z',
  import: {
    format: 'SEND_LOG_CSV',
    linesRead: 12345,
    stored: 12000,
    duplicates: 0,
    rejectedLines: 345,
    messagesChanged: 11990,
    repricedMessages: 15230,
    problemCount: 345,
    problems: [
      { line: 2, message: 'wamid is empty' },
      { line: 1017, message: 'sent_at "yesterday" is not an ISO date' },
    ],
  },
});

/** The job's answers in turn, the last one repeated. */
function jobAnswers(...answers: unknown[]) {
  let call = 0;
  return () => ({ data: { job: answers[Math.min(call++, answers.length - 1)] } });
}

function uploadAnswer(requests: { url: string; init: RequestInit }[]): HttpAnswer {
  return (url, init) => {
    requests.push({ url, init });
    return new Response(JSON.stringify({ job: { id: JOB_ID, kind: 'IMPORT', status: 'QUEUED' } }), {
      status: 202,
    });
  };
}

async function upload(file: File) {
  fireEvent.change(await screen.findByLabelText('File'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Import' }));
}

describe('Imports', () => {
  it('is for operator keys: a finance key has no link to it and cannot upload', async () => {
    renderApp(`/data-imports${SCOPE}`, {});
    expect(await screen.findByText('Importing files needs an OPERATOR key.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Imports' })).toBeNull();
    expect(screen.queryByLabelText('File')).toBeNull();
  });

  it('shows an operator the link, the upload form and the recent imports', async () => {
    renderApp(`/data-imports${SCOPE}`, { ...OPERATOR, ImportJobs: RECENT });
    expect(await screen.findByRole('form', { name: 'Import a file' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Imports' }).getAttribute('href')).toBe(
      `/data-imports${SCOPE}`,
    );
    const recent = await screen.findByRole('table', {
      name: 'The last 10 imports, newest first',
    });
    const cells = within(recent)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells).toEqual([
      'DONE',
      new Date('2026-12-04T09:00:00.000Z').toLocaleString(),
      '2,500',
      '2,498',
      '2',
    ]);
  });

  it('posts a send log as text/csv with the key, shows its progress, then the summary and problems', async () => {
    const requests: { url: string; init: RequestInit }[] = [];
    const calls = renderApp(
      `/data-imports${SCOPE}`,
      {
        ...OPERATOR,
        ImportJobs: RECENT,
        ImportJob: jobAnswers(job({ progress: 0.4 }), DONE),
      },
      'key',
      uploadAnswer(requests),
    );
    const file = new File(['wamid,sent_at\n'], 'sends.CSV', { type: 'text/csv' });
    await upload(file);

    const progress = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(progress.getAttribute('value')).toBe('0.4');
    expect(progress.parentElement!.textContent!.trim()).toBe('Importing… 40%');
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe('/imports');
    expect(requests[0].init.method).toBe('POST');
    expect(requests[0].init.headers).toEqual({
      'Content-Type': 'text/csv',
      Authorization: 'Bearer key',
    });
    expect(requests[0].init.body).toBe(file);

    const summary = await screen.findByLabelText('Import summary', {}, { timeout: 3000 });
    const figures = Array.from(summary.querySelectorAll('div')).map((pair) => [
      pair.querySelector('dt')!.textContent,
      pair.querySelector('dd')!.textContent,
    ]);
    expect(figures).toEqual([
      ['Format', 'Send log (CSV)'],
      ['Lines read', '12,345'],
      ['Stored', '12,000'],
      ['Duplicates', '0'],
      ['Rejected lines', '345'],
      ['Messages changed', '11,990'],
      ['Messages re-rated', '15,230'],
    ]);
    const problems = screen.getByRole('table', { name: 'Problems: first 2 of 345' });
    const rows = within(problems)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['2', 'wamid is empty'],
      ['1,017', 'sent_at "yesterday" is not an ISO date'],
    ]);
    expect(calls.filter((call) => call.operation === 'ImportJob')).toEqual([
      { operation: 'ImportJob', variables: { id: JOB_ID } },
      { operation: 'ImportJob', variables: { id: JOB_ID } },
    ]);
    await waitFor(() =>
      expect(calls.filter((call) => call.operation === 'ImportJobs')).toHaveLength(2),
    );
  });

  it('shows the message of a refused upload, sent as webhook bodies', async () => {
    const requests: RequestInit[] = [];
    renderApp(`/data-imports${SCOPE}`, { ...OPERATOR, ImportJobs: RECENT }, 'key', (_url, init) => {
      requests.push(init);
      return new Response(
        JSON.stringify({
          error: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Content-Type "application/pdf": send a send log as text/csv',
        }),
        { status: 415 },
      );
    });
    await upload(new File(['{}\n'], 'bodies.jsonl'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not imported: Content-Type "application/pdf": send a send log as text/csv',
    );
    expect(requests[0].headers).toEqual({
      'Content-Type': 'application/x-ndjson',
      Authorization: 'Bearer key',
    });
  });

  it('shows a 400 answer without a job', async () => {
    renderApp(
      `/data-imports${SCOPE}`,
      { ...OPERATOR, ImportJobs: RECENT },
      'key',
      () =>
        new Response(JSON.stringify({ error: 'BAD_USER_INPUT', message: 'the file is empty' }), {
          status: 400,
        }),
    );
    await upload(new File([''], 'events.ndjson'));
    expect((await screen.findByRole('alert')).textContent).toBe('Not imported: the file is empty');
  });

  it('shows why a job failed', async () => {
    renderApp(
      `/data-imports${SCOPE}`,
      {
        ...OPERATOR,
        ImportJobs: RECENT,
        ImportJob: jobAnswers(
          job({ status: 'FAILED', progress: 0.2, error: 'the uploaded file is gone' }),
        ),
      },
      'key',
      uploadAnswer([]),
    );
    await upload(new File(['{}\n'], 'bodies.json'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The import failed: the uploaded file is gone',
    );
    expect(screen.queryByLabelText('Import summary')).toBeNull();
  });

  it('says the import was queued when following it fails', async () => {
    renderApp(
      `/data-imports${SCOPE}`,
      {
        CurrentApiKey: { data: { currentApiKey: { id: '3', name: 'root', role: 'ADMIN' } } },
        ImportJobs: RECENT,
        ImportJob: { error: 'the service is restarting', code: 'UPSTREAM_ERROR' },
      },
      'key',
      uploadAnswer([]),
    );
    await upload(new File(['{}\n'], 'bodies.ndjson'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The import was queued, but following it failed: the service is restarting',
    );
  });
});
