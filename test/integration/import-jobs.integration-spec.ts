import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config';
import { ChargingService } from '../../src/charging/services/charging.service';
import {
  BulkImportService,
  type ImportSummary,
} from '../../src/ingestion/services/bulk-import.service';
import { JobInterrupted, JobRunner } from '../../src/jobs/services/job-runner.service';
import { JobsService } from '../../src/jobs/services/jobs.service';
import { ImportJobsService } from '../../src/imports/services/import-jobs.service';
import { useScratchDirectory } from '../utils/scratch-files.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { inbound, PHONE, postWebhook, status } from '../utils/webhook.util';

const HEADER =
  'wamid,phone_number_id,to,sent_at,template_name,template_language,template_category,api';
const CUSTOMERS = ['447700900123', '5511987654321', '919876543210'];

const JOB_QUERY = `query($id: ID!) { job(id: $id) { id kind status progress attempts error
  import { format linesRead stored duplicates rejectedLines messagesChanged repricedMessages problemCount problems { line message } } } }`;

interface ImportJob {
  id: string;
  kind: string;
  status: string;
  progress: number;
  attempts: number;
  error: string | null;
  import: {
    format: string;
    linesRead: number;
    stored: number;
    duplicates: number;
    rejectedLines: number;
    messagesChanged: number;
    repricedMessages: number;
    problemCount: number;
    problems: { line: number; message: string }[];
  } | null;
}

const CATEGORIES = ['marketing', 'utility', 'authentication'];
const pricing = (category: string) => ({
  billable: category !== 'service',
  pricing_model: 'PMP',
  type: category === 'service' ? 'free_customer_service' : 'regular',
  category,
});
const august = (day: number, hour: number) =>
  `2026-08-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/** Templates sent over August, by the send log (every other day, to each customer in turn). */
function sendLogCsv(): string {
  const rows = [HEADER];
  for (let day = 2; day <= 28; day += 2) {
    const customer = CUSTOMERS[(day / 2) % CUSTOMERS.length];
    const category = CATEGORIES[(day / 2) % CATEGORIES.length].toUpperCase();
    rows.push(
      `wamid.csv.${day},${PHONE},${customer},${august(day, 10)},t_${category.toLowerCase()},en,${category},CLOUD_API`,
    );
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Customers writing in and replies to them, over August, and the deliveries of the send log's
 * templates (which the send log's categories price).
 */
function webhookJsonl(): string {
  const lines: string[] = [];
  for (let day = 3; day <= 27; day += 3) {
    const customer = CUSTOMERS[(day / 3) % CUSTOMERS.length];
    lines.push(JSON.stringify(inbound(`wamid.in.${day}`, customer, august(day, 9))));
    const category = ['marketing', 'utility', 'service'][(day / 3) % 3];
    const price = pricing(category);
    lines.push(
      JSON.stringify(status(`wamid.out.${day}`, customer, 'sent', august(day, 11), price)),
    );
    lines.push(
      JSON.stringify(status(`wamid.out.${day}`, customer, 'delivered', august(day, 12), price)),
    );
  }
  for (let day = 2; day <= 20; day += 2) {
    const customer = CUSTOMERS[(day / 2) % CUSTOMERS.length];
    const price = pricing(CATEGORIES[(day / 2) % CATEGORIES.length]);
    lines.push(
      JSON.stringify(status(`wamid.csv.${day}`, customer, 'delivered', august(day, 10), price)),
    );
  }
  return `${lines.join('\n')}\n`;
}

const CHARGE_COLUMNS = `wamid, direction, status, charge_reason, charge_pricing_category, charge_market,
  charge_tier, charge_rate, charge_amount, charge_amount_micros, charge_month`;

async function charges(testApp: TestApp): Promise<Record<string, string | null>[]> {
  const rows: Record<string, string | number | null>[] = await testApp.app
    .get(DataSource)
    .query(`SELECT ${CHARGE_COLUMNS} FROM messages ORDER BY wamid`);
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [key, value === null ? null : String(value)]),
    ),
  );
}

/** The summary as an IMPORT job reports it. */
function asJobSummary(summary: ImportSummary): NonNullable<ImportJob['import']> {
  const problems = [...summary.rejected].sort((a, b) => a.line - b.line);
  return {
    format: summary.format === 'csv' ? 'SEND_LOG_CSV' : 'WEBHOOK_JSONL',
    linesRead: summary.linesRead,
    stored: summary.stored,
    duplicates: summary.duplicates,
    rejectedLines: new Set(problems.map((problem) => problem.line)).size,
    messagesChanged: summary.messagesChanged,
    repricedMessages: summary.repricedMessages,
    problemCount: problems.length,
    problems,
  };
}

describeEachDatabase('month imports uploaded over HTTP run as IMPORT jobs', (kind) => {
  const apps: TestApp[] = [];
  const scratch = useScratchDirectory('import-jobs-');

  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** A service whose phone number is known (send logs name it). */
  async function freshApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
    const testApp = await createTestApp(kind, overrides);
    apps.push(testApp);
    await postWebhook(testApp, inbound('wamid.known', CUSTOMERS[0], '2026-08-01T08:00:00Z'));
    return testApp;
  }

  const upload = (testApp: TestApp, body: string, contentType: string, key?: string) =>
    testApp
      .http()
      .post('/imports')
      .set('Authorization', `Bearer ${key ?? testApp.keys.operator}`)
      .set('Content-Type', contentType)
      .send(body);

  async function jobOf(testApp: TestApp, id: string): Promise<ImportJob> {
    const result = await testApp.gql<{ job: ImportJob }>(JOB_QUERY, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.job;
  }

  /** Uploads a file, waits for its job, and returns the job as GraphQL shows it. */
  async function importOverHttp(testApp: TestApp, body: string, contentType: string) {
    const response = await upload(testApp, body, contentType).expect(202);
    const { job } = response.body as { job: { id: string; kind: string; status: string } };
    expect(job).toEqual({ id: job.id, kind: 'IMPORT', status: 'QUEUED' });
    expect(response.headers.location).toBe(`/imports/${job.id}`);
    await testApp.settle();
    return jobOf(testApp, job.id);
  }

  const importsDirectory = (testApp: TestApp) => join(testApp.config.dataDir, 'imports');

  it('imports a send log and webhook bodies as jobs, charging exactly as a direct import', async () => {
    const overHttp = await freshApp();
    const reports = jest.spyOn(overHttp.app.get(JobsService), 'report');
    const csvJob = await importOverHttp(overHttp, sendLogCsv(), 'text/csv');
    const jsonlJob = await importOverHttp(overHttp, webhookJsonl(), 'application/x-ndjson');

    for (const job of [csvJob, jsonlJob]) {
      const progress = reports.mock.calls.filter(([id]) => id === job.id).map(([, share]) => share);
      // Bytes read (the whole small file in one batch), then each month re-rated.
      expect(progress.slice(0, 2)).toEqual([0, 0.5]);
      expect(progress.length).toBeGreaterThan(3);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      expect(progress.at(-1)).toBe(1);
    }
    reports.mockRestore();

    const direct = await freshApp();
    const csvPath = scratch.path('direct.csv');
    const jsonlPath = scratch.path('direct.jsonl');
    writeFileSync(csvPath, sendLogCsv());
    writeFileSync(jsonlPath, webhookJsonl());
    const importer = direct.app.get(BulkImportService);
    const csvSummary = await importer.importFile(csvPath);
    const jsonlSummary = await importer.importFile(jsonlPath);

    expect(csvJob).toMatchObject({ kind: 'IMPORT', status: 'DONE', progress: 1, attempts: 1 });
    expect(csvJob.import).toEqual({
      format: 'SEND_LOG_CSV',
      linesRead: 14,
      stored: 14,
      duplicates: 0,
      rejectedLines: 0,
      messagesChanged: 14,
      repricedMessages: 15,
      problemCount: 0,
      problems: [],
    });
    expect(csvJob.import).toEqual(asJobSummary(csvSummary));
    expect(jsonlJob).toMatchObject({ status: 'DONE', progress: 1, attempts: 1, error: null });
    expect(jsonlJob.import).toEqual({
      format: 'WEBHOOK_JSONL',
      linesRead: 37,
      stored: 37,
      duplicates: 0,
      rejectedLines: 0,
      messagesChanged: 28,
      repricedMessages: 33,
      problemCount: 0,
      problems: [],
    });
    expect(jsonlJob.import).toEqual(asJobSummary(jsonlSummary));

    const charged = await charges(overHttp);
    expect(charged).toEqual(await charges(direct));
    expect(charged).toHaveLength(1 + 14 + 18);
    const tally: Record<string, number> = {};
    for (const row of charged) {
      const key = `${row.charge_reason} ${row.charge_pricing_category} ${row.charge_amount}`;
      tally[key] = (tally[key] ?? 0) + 1;
    }
    expect(tally).toEqual({
      'BILLED MARKETING 0.0635': 6,
      'BILLED UTILITY 0.0068': 7,
      'BILLED AUTHENTICATION 0.0014': 3,
      'FREE_CUSTOMER_SERVICE_WINDOW SERVICE 0': 3,
      'FREE_INBOUND null 0': 10,
      // Sent by the send log, never delivered.
      'PENDING null 0': 4,
    });
    // The files are gone once their jobs are done.
    expect(readdirSync(importsDirectory(overHttp))).toEqual([]);
  });

  it('reports bad lines with their numbers and charges the good ones', async () => {
    const testApp = await freshApp();
    const lines = webhookJsonl().trimEnd().split('\n');
    const withBadLines = [
      lines[0],
      '{"object": "whatsapp_business_account", "entry": [',
      lines[1],
      '',
      JSON.stringify({ object: 'whatsapp_business_account', entry: [] }),
      lines[2],
    ];
    const job = await importOverHttp(testApp, `${withBadLines.join('\n')}\n`, 'application/jsonl');
    expect(job).toMatchObject({ status: 'DONE', progress: 1 });
    expect(job.import).toMatchObject({
      format: 'WEBHOOK_JSONL',
      linesRead: 6,
      stored: 3,
      duplicates: 0,
      rejectedLines: 2,
      problemCount: 2,
    });
    expect(job.import!.problems.map((problem) => problem.line)).toEqual([2, 5]);
    expect(job.import!.problems[1].message).toBe('no events in this webhook body');
    const charged = await charges(testApp);
    expect(charged.map((row) => [row.wamid, row.charge_reason])).toEqual([
      ['wamid.in.3', 'FREE_INBOUND'],
      ['wamid.known', 'FREE_INBOUND'],
      ['wamid.out.3', 'BILLED'],
    ]);
  });

  it('takes the format from ?format even when the Content-Type says JSON (no parser reads or limits the body)', async () => {
    // The JSON parser's limit, far below the file's size.
    const testApp = await freshApp({ webhookMaxBodyBytes: 1024 });
    expect(webhookJsonl().length).toBeGreaterThan(10 * 1024);
    const response = await upload(testApp, webhookJsonl(), 'application/json')
      .query({ format: 'JSONL' })
      .expect(202);
    await testApp.settle();
    const job = await jobOf(testApp, (response.body as { job: { id: string } }).job.id);
    expect(job.import).toMatchObject({ linesRead: 37, stored: 37, rejectedLines: 0 });
    const fromRoute = await testApp
      .http()
      .get(`/imports/${job.id}`)
      .set('Authorization', `Bearer ${testApp.keys.operator}`)
      .expect(200);
    expect(fromRoute.body).toMatchObject({
      job: { id: job.id, kind: 'IMPORT', status: 'DONE', import: job.import },
    });
  });

  it('refuses a wrong content type (415), an empty body (400), and keys below operator', async () => {
    const testApp = await freshApp();
    const wrongType = await upload(testApp, 'a,b\n', 'text/plain').expect(415);
    expect(wrongType.body).toMatchObject({ error: 'UNSUPPORTED_MEDIA_TYPE' });
    expect((wrongType.body as { message: string }).message).toContain('text/csv');
    const badFormat = await upload(testApp, 'a,b\n', 'text/csv').query({ format: 'XML' });
    expect(badFormat.status).toBe(400);
    const empty = await upload(testApp, '', 'text/csv').expect(400);
    expect(empty.body).toMatchObject({
      error: 'BAD_USER_INPUT',
      message: 'the body is empty: send the file to import as the request body',
    });
    await testApp
      .http()
      .post('/imports')
      .set('Content-Type', 'text/csv')
      .send(sendLogCsv())
      .expect(401);
    const finance = await upload(testApp, sendLogCsv(), 'text/csv', testApp.keys.finance);
    expect(finance.status).toBe(403);
    expect(finance.body).toMatchObject({ error: 'FORBIDDEN' });
    const jobs = await testApp.gql<{ jobs: { totalCount: number } }>(
      `{ jobs(kind: IMPORT) { totalCount } }`,
    );
    expect(jobs.data!.jobs.totalCount).toBe(0);
    expect(
      existsSync(importsDirectory(testApp)) ? readdirSync(importsDirectory(testApp)) : [],
    ).toEqual([]);
  });

  it('refuses a compressed upload (415) and one larger than IMPORT_MAX_UPLOAD_BYTES (413), keeping no file', async () => {
    const testApp = await freshApp({ importMaxUploadBytes: 2048 });
    const compressed = await upload(testApp, sendLogCsv(), 'text/csv')
      .set('Content-Encoding', 'gzip')
      .expect(415);
    expect(compressed.body).toEqual({
      error: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'a compressed upload (Content-Encoding: gzip) is not read: send the file as it is',
    });
    const large = await upload(testApp, 'x'.repeat(4096), 'text/csv').expect(413);
    expect(large.body).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message:
        'the upload is larger than 2048 bytes (IMPORT_MAX_UPLOAD_BYTES): split the file, or use npm run import',
    });
    // A body sent without a length is counted as it arrives.
    await expect(
      testApp.app
        .get(ImportJobsService)
        .receive(Readable.from([Buffer.alloc(1500), Buffer.alloc(1500)]), {
          format: 'csv',
          contentEncoding: undefined,
          contentLength: undefined,
        }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(readdirSync(importsDirectory(testApp))).toEqual([]);
  });

  it('shows an import to operators; a finance key sees the job without its summary', async () => {
    const testApp = await freshApp();
    const job = await importOverHttp(testApp, sendLogCsv(), 'text/csv');
    expect(job.import).not.toBeNull();
    const asFinance = await testApp.gql<{ job: ImportJob }>(
      JOB_QUERY,
      { id: job.id },
      testApp.keys.finance,
    );
    expect(asFinance.errors).toBeUndefined();
    expect(asFinance.data!.job).toMatchObject({ id: job.id, status: 'DONE', import: null });
    await testApp
      .http()
      .get(`/imports/${job.id}`)
      .set('Authorization', `Bearer ${testApp.keys.finance}`)
      .expect(403);
    const reprice = await testApp.gql<{ reprice: { id: string } }>(
      `mutation { reprice(input: { from: "2026-08-01T00:00:00Z", to: "2026-09-01T00:00:00Z" }) { id } }`,
    );
    for (const id of [
      reprice.data!.reprice.id,
      '00000000-0000-0000-0000-000000000000',
      '..%2F..',
    ]) {
      const missing = await testApp
        .http()
        .get(`/imports/${id}`)
        .set('Authorization', `Bearer ${testApp.keys.operator}`)
        .expect(404);
      expect(missing.body).toMatchObject({ error: 'NOT_FOUND' });
    }
  });

  it.each([
    ['webhook bodies', 'application/x-ndjson', webhookJsonl],
    ['a send log', 'text/csv', sendLogCsv],
  ])(
    'resumes an import of %s stopped before its re-rate, re-rating what the first run stored',
    async (_, contentType, file) => {
      const uninterrupted = await freshApp();
      await importOverHttp(uninterrupted, file(), contentType);

      const testApp = await freshApp();
      // Every message is stored as it is read, so the first run leaves them stored, unrated.
      testApp.app.get(BulkImportService).heldMessagesLimit = 0;
      const rerate = jest
        .spyOn(testApp.app.get(ChargingService), 'repriceRange')
        .mockRejectedValueOnce(new JobInterrupted());
      const job = await importOverHttp(testApp, file(), contentType);
      expect(rerate).toHaveBeenCalledTimes(2);
      rerate.mockRestore();

      expect(job).toMatchObject({ status: 'DONE', progress: 1, attempts: 2, error: null });
      // The last run found nothing new, yet re-rated the file's whole span.
      expect(job.import).toMatchObject({ messagesChanged: 0, rejectedLines: 0 });
      expect(job.import!.repricedMessages).toBeGreaterThan(0);
      expect(await charges(testApp)).toEqual(await charges(uninterrupted));
      expect(readdirSync(importsDirectory(testApp))).toEqual([]);
    },
  );

  it('a process stopped mid-import hands the job back; the next process imports the file again and re-rates it', async () => {
    const uninterrupted = await freshApp();
    await importOverHttp(uninterrupted, webhookJsonl(), 'application/x-ndjson');

    const first = await createTestApp(kind);
    await postWebhook(first, inbound('wamid.known', CUSTOMERS[0], '2026-08-01T08:00:00Z'));
    first.app.get(BulkImportService).heldMessagesLimit = 0;
    const jobs = first.app.get(JobsService);
    const report = jobs.report.bind(jobs);
    const stop: { done: Promise<void> | null } = { done: null };
    let unratedAtStop: { count: number | string }[] = [];
    jest.spyOn(jobs, 'report').mockImplementation(async (id, progress, checkpoint) => {
      const ours = await report(id, progress, checkpoint);
      // The file is read and stored (the reading half done): the process is asked to stop.
      if (progress === 0.5 && stop.done === null) {
        unratedAtStop = await first.app
          .get(DataSource)
          .query(`SELECT COUNT(*) AS count FROM messages WHERE charge_reason = 'PENDING'`);
        // (The runner first: it learns of the stop at once, as on a signal, not after the other
        // modules' shutdown hooks.)
        const runnerStopped = first.app.get(JobRunner).onApplicationShutdown();
        stop.done = runnerStopped.then(() => first.stop());
      }
      return ours;
    });
    const response = await upload(first, webhookJsonl(), 'application/x-ndjson').expect(202);
    const id = (response.body as { job: { id: string } }).job.id;
    while (stop.done === null) await new Promise((resolve) => setTimeout(resolve, 20));
    await stop.done;
    expect(Number(unratedAtStop[0].count)).toBeGreaterThan(0);

    const next = await createTestApp(kind, {}, first);
    try {
      await next.settle();
      const job = await jobOf(next, id);
      expect(job).toMatchObject({ status: 'DONE', progress: 1, attempts: 2, error: null });
      expect(job.import).toMatchObject({
        linesRead: 37,
        stored: 0,
        duplicates: 37,
        messagesChanged: 0,
        rejectedLines: 0,
      });
      expect(await charges(next)).toEqual(await charges(uninterrupted));
      expect(readdirSync(importsDirectory(next))).toEqual([]);
    } finally {
      await next.stop();
      await first.close();
    }
  });
});
