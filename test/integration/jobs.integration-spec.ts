import { DataSource } from 'typeorm';
import { ChargingService } from '../../src/charging/services/charging.service';
import { WebhookQueue } from '../../src/ingestion/services/webhook-queue.service';
import { JobRunner } from '../../src/jobs/services/job-runner.service';
import { JobsService } from '../../src/jobs/services/jobs.service';
import { jobOf, type JobView } from '../utils/jobs.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { postWebhook, statuses, deliveredMarketing } from '../utils/webhook.util';

describeEachDatabase('long work as jobs', (kind) => {
  let first: TestApp | null = null;

  afterEach(async () => {
    await first?.close();
    first = null;
  });

  it('reprice returns a queued job at once, which any process runs to DONE with its count', async () => {
    first = await createTestApp(kind);
    await postWebhook(first, deliveredMarketing('wamid.job.1', '2026-10-10T10:00:00Z'));
    await postWebhook(first, deliveredMarketing('wamid.job.2', '2026-11-10T10:00:00Z'));
    const queued = await first.gql<{ reprice: JobView }>(
      `mutation { reprice(input: { from: "2026-10-01T00:00:00Z", to: "2026-12-01T00:00:00Z" }) { id kind status progress attempts } }`,
      {},
      first.keys.operator,
    );
    expect(queued.data!.reprice).toMatchObject({
      kind: 'REPRICE',
      status: 'QUEUED',
      progress: 0,
      attempts: 0,
    });
    await first.settle();
    expect(await jobOf(first, queued.data!.reprice.id)).toMatchObject({
      status: 'DONE',
      progress: 1,
      attempts: 1,
      messages: 2,
      error: null,
    });
    const listed = await first.gql<{
      jobs: { totalCount: number; edges: { node: { id: string } }[] };
    }>(`{ jobs(kind: REPRICE) { totalCount edges { node { id } } } }`);
    expect(listed.data!.jobs.totalCount).toBe(1);
    expect(listed.data!.jobs.edges[0].node.id).toBe(queued.data!.reprice.id);
  });

  it('a job whose process stopped mid-way is resumed after its checkpoint by the next process', async () => {
    first = await createTestApp(kind);
    await postWebhook(first, deliveredMarketing('wamid.resume.oct', '2026-10-10T10:00:00Z'));
    await postWebhook(first, deliveredMarketing('wamid.resume.nov', '2026-11-10T10:00:00Z'));
    await postWebhook(first, deliveredMarketing('wamid.resume.nov2', '2026-11-11T10:00:00Z'));
    // A process that had re-rated October (1 message) and stopped without a word. This
    // process's own runner is stopped first, so that only the next process can claim the job.
    await first.app.get(JobRunner).onApplicationShutdown();
    const job = await first.app.get(JobsService).enqueue('REPRICE', {
      wabaIds: null,
      from: '2026-10-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
    });
    await first.app
      .get(DataSource)
      .query(
        `UPDATE jobs SET status = 'RUNNING', claimed_by = 'a-stopped-process', attempts = 1, started_at = 1, heartbeat_at = 1, checkpoint = '{"month":"2026-10","messages":1}' WHERE id = '${job.id}'`,
      );
    await first.stop();
    const next = await createTestApp(kind, {}, first);
    try {
      await next.settle();
      expect(await jobOf(next, job.id)).toMatchObject({
        status: 'DONE',
        attempts: 2,
        progress: 1,
        // October from the checkpoint; November (2 messages) re-rated by this process.
        messages: 3,
      });
    } finally {
      await next.close();
    }
  });

  it('a stopping process hands its running job back; the next one finishes it', async () => {
    first = await createTestApp(kind);
    let reached: () => void = () => undefined;
    const atCheckpoint = new Promise<void>((resolve) => (reached = resolve));
    first.app.get(JobRunner).register('EXPORT', async (_payload, context) => {
      await context.report(0.5, { step: 1 });
      reached();
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        await context.report(0.5);
      }
    });
    const job = await first.app.get(JobsService).enqueue('EXPORT', { test: true });
    await atCheckpoint;
    await first.stop();
    // The next process starts its runner once the test's handler is in place.
    const next = await createTestApp(kind, { processWebhookQueue: false }, first);
    try {
      expect(await jobOf(next, job.id)).toMatchObject({
        status: 'QUEUED',
        progress: 0.5,
        attempts: 1,
      });
      const seen: unknown[] = [];
      const runner = next.app.get(JobRunner);
      runner.register('EXPORT', (_payload, context) => {
        seen.push(context.checkpoint);
        return Promise.resolve({ finished: true });
      });
      await runner.start();
      await next.settle();
      expect(seen).toEqual([{ step: 1 }]);
      expect(await jobOf(next, job.id)).toMatchObject({ status: 'DONE', attempts: 2 });
    } finally {
      await next.close();
    }
  });

  it('an export is an EXPORT job with its id: queued by one process, written by the next', async () => {
    first = await createTestApp(kind);
    await postWebhook(first, deliveredMarketing('wamid.export.1', '2026-10-10T10:00:00Z'));
    await postWebhook(first, deliveredMarketing('wamid.export.2', '2026-10-11T10:00:00Z'));
    await first.app.get(JobRunner).onApplicationShutdown();
    const created = await first.gql<{
      createExport: {
        id: string;
        status: string;
        job: { id: string; kind: string; status: string };
      };
    }>(
      `mutation($input: ExportInput!) { createExport(input: $input) { id status job { id kind status } } }`,
      { input: { kind: 'MESSAGES', format: 'CSV', month: '2026-10' } },
    );
    expect(created.errors).toBeUndefined();
    const exported = created.data!.createExport;
    expect(exported).toEqual({
      id: exported.id,
      status: 'PENDING',
      job: { id: exported.id, kind: 'EXPORT', status: 'QUEUED' },
    });
    await first.stop();
    const next = await createTestApp(kind, {}, first);
    try {
      await next.settle();
      const done = await next.gql<{ export: unknown }>(
        `query($id: ID!) { export(id: $id) { status rows job { status attempts progress } } }`,
        { id: exported.id },
      );
      expect(done.data!.export).toEqual({
        status: 'DONE',
        rows: 2,
        job: { status: 'DONE', attempts: 1, progress: 1 },
      });
    } finally {
      await next.close();
    }
  });

  it("a re-rate lets the process's webhook batches in between its months", async () => {
    first = await createTestApp(kind);
    await postWebhook(first, deliveredMarketing('wamid.between.oct', '2026-10-10T10:00:00Z'));
    await postWebhook(first, deliveredMarketing('wamid.between.nov', '2026-11-10T10:00:00Z'));
    await first.settle();
    const queue = first.app.get(WebhookQueue);
    const appliedDuringRerate: string[] = [];
    const rerated = await first.app.get(ChargingService).repriceRange(
      {
        wabaIds: null,
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-12-01T00:00:00Z'),
      },
      undefined,
      {
        onMonth: async (month) => {
          if (month !== '2026-10') return;
          // A body answered while October's re-rate ran is applied before November's starts.
          await postWebhook(
            first!,
            deliveredMarketing('wamid.between.new', '2026-10-20T10:00:00Z'),
          );
          await queue.idle();
          const found = await first!.gql<{ message: { charge: { amount: string } } | null }>(
            `{ message(wamid: "wamid.between.new") { charge { amount } } }`,
          );
          appliedDuringRerate.push(found.data?.message?.charge.amount ?? 'not applied');
        },
      },
    );
    expect(appliedDuringRerate).toEqual(['0.0625']);
    // October's one message, then November's: the new one came after October was re-rated.
    expect(rerated).toBe(2);
  });

  it('a re-rate reports its share within a month, in order, about twenty times', async () => {
    first = await createTestApp(kind);
    await postWebhook(
      first,
      statuses(
        Array.from({ length: 40 }, (_, index) => ({
          wamid: `wamid.share.${index}`,
          to: '5511987654321',
          state: 'delivered',
          at: `2026-10-${String(1 + (index % 28)).padStart(2, '0')}T10:00:00Z`,
          pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' },
        })),
      ),
    );
    await first.settle();
    const shares: number[] = [];
    const rerated = await first.app.get(ChargingService).repriceRange(
      {
        wabaIds: null,
        from: new Date('2026-10-01T00:00:00Z'),
        to: new Date('2026-11-01T00:00:00Z'),
      },
      undefined,
      { onShare: (share) => shares.push(share) },
    );
    expect(rerated).toBe(40);
    // The re-rate spans the UTC months around October (a WABA's local month may begin in the
    // one before or end in the one after): October is the second of three. One share every two of its 40 stored
    // messages, the last short of the month's end.
    expect(shares).toEqual(
      Array.from({ length: 20 }, (_, index) => (1 + Math.min(0.99, ((index + 1) * 2) / 40)) / 3),
    );
  });

  const onPostgres = kind === 'postgres' ? it : it.skip;

  onPostgres(
    "a live process's job is not taken from it however stale its heartbeat; once its lock is gone it is",
    async () => {
      first = await createTestApp(kind, { processWebhookQueue: false });
      const jobs = first.app.get(JobsService);
      const dataSource = first.app.get(DataSource);
      const job = await jobs.enqueue('EXPORT', { test: true });
      await dataSource.query(
        `UPDATE jobs SET status = 'RUNNING', claimed_by = 'a-live-process', attempts = 1, heartbeat_at = 1 WHERE id = $1`,
        [job.id],
      );
      const owner = dataSource.createQueryRunner();
      await owner.connect();
      const tries = dataSource.createQueryRunner();
      await tries.connect();
      const lock = {
        hold: async (id: string) =>
          (
            (await tries.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [
              `billing:job:${id}`,
            ])) as { locked: boolean }[]
          )[0].locked,
        release: async (id: string) => {
          await tries.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [
            `billing:job:${id}`,
          ]);
        },
      };
      try {
        await owner.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [
          `billing:job:${job.id}`,
        ]);
        expect(await jobs.claim()).toBeNull();
        expect(await jobs.claimOrphan(lock)).toBeNull();
        expect(await jobOf(first, job.id)).toMatchObject({ status: 'RUNNING', attempts: 1 });
        // The owner's process dies: its connection, and the lock with it, are gone.
        const [{ pid }] = (await owner.query('SELECT pg_backend_pid() AS pid')) as {
          pid: number;
        }[];
        await tries.query('SELECT pg_terminate_backend($1)', [pid]);
        expect((await jobs.claimOrphan(lock))?.id).toBe(job.id);
        expect(await jobOf(first, job.id)).toMatchObject({ status: 'RUNNING', attempts: 2 });
      } finally {
        await owner.release().catch(() => undefined);
        await tries.release();
      }
    },
  );

  onPostgres(
    'the connection holding job locks is opened again after the database ended it',
    async () => {
      first = await createTestApp(kind);
      await postWebhook(first, deliveredMarketing('wamid.lockconn.1', '2026-10-10T10:00:00Z'));
      const reprice = `mutation { reprice(input: { from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z" }) { id } }`;
      const before = await first.gql<{ reprice: { id: string } }>(reprice);
      await first.settle();
      expect(await jobOf(first, before.data!.reprice.id)).toMatchObject({ status: 'DONE' });
      // As a database restart does: the backend of the lock connection is ended.
      const ended: { pid: number }[] = await first.app.get(DataSource).query(
        `SELECT pg_terminate_backend(pid) AS ended, pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND query LIKE 'SELECT pg_advisory_unlock(hashtextextended($1, 0))%'`,
      );
      expect(ended).toHaveLength(1);
      const after = await first.gql<{ reprice: { id: string } }>(reprice);
      await first.settle();
      expect(await jobOf(first, after.data!.reprice.id)).toMatchObject({
        status: 'DONE',
        messages: 1,
      });
    },
  );

  it('a failing job is FAILED with its reason, and the next job still runs', async () => {
    first = await createTestApp(kind);
    const runner = first.app.get(JobRunner);
    runner.register('EXPORT', (payload) =>
      (payload as { fail: boolean }).fail
        ? Promise.reject(new Error('disk full'))
        : Promise.resolve({ ok: true }),
    );
    const jobs = first.app.get(JobsService);
    const failing = await jobs.enqueue('EXPORT', { fail: true });
    const passing = await jobs.enqueue('EXPORT', { fail: false });
    await first.settle();
    expect(await jobOf(first, failing.id)).toMatchObject({
      status: 'FAILED',
      error: 'EXPORT failed: Error: disk full',
    });
    expect(await jobOf(first, passing.id)).toMatchObject({ status: 'DONE' });
  });

  it('refuses a malformed cursor', async () => {
    first = await createTestApp(kind);
    const result = await first.gql(`{ jobs(after: "nonsense") { totalCount } }`);
    expect(result.errors?.[0]).toMatchObject({
      message: 'after is not a cursor returned by jobs',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
