import 'reflect-metadata';
import request from 'supertest';
import type { App } from 'supertest/types';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import { RawEventRetrySchedule1764118800000 } from '../../migrations/1764118800000-raw-event-retry-schedule';
import { ApiKeyService } from '../../src/auth/services/api-key.service';
import { createApplication } from '../../src/bootstrap';
import { parseEventsArgs, runEventsCommand } from '../../src/cli/events-command.util';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import type { WebhookEvent } from '../../src/ingestion/parsers/webhook-event.types';
import { IngestionService } from '../../src/ingestion/services/ingestion.service';
import { SetAsideEventsService } from '../../src/ingestion/services/set-aside-events.service';
import { sha256 } from '../../src/ingestion/utils/raw-event-appender.util';
import {
  WebhookQueue,
  retryDelay,
  DEFAULT_RETRY_SCHEDULE,
} from '../../src/ingestion/services/webhook-queue.service';
import { createScratchDatabase, type ScratchDatabase } from '../utils/scratch-database.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { inbound, postWebhook } from '../utils/webhook.util';

const LIST = `query ($discarded: Boolean) { setAsideEvents(discarded: $discarded) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id source attempts lastError setAsideAt discardedAt discardedBy discardReason body } } } }`;
const REPLAY = `mutation ($input: ReplaySetAsideEventsInput!) { replaySetAsideEvents(input: $input) {
  applied failed results { id outcome error } } }`;
const DISCARD = `mutation ($input: DiscardSetAsideEventsInput!) { discardSetAsideEvents(input: $input) }`;

describe('the default retry schedule', () => {
  it('spreads 16 attempts over more than six hours before a body is set aside', () => {
    const delays = Array.from({ length: DEFAULT_RETRY_SCHEDULE.maxAttempts - 1 }, (_, index) =>
      retryDelay(DEFAULT_RETRY_SCHEDULE, index + 1),
    );
    expect(delays.slice(0, 4)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(Math.max(...delays)).toBe(3_600_000);
    const total = delays.reduce((sum, wait) => sum + wait, 0);
    expect(total).toBe(23_115_000); // 6 h 25 min 15 s
  });
});

describeEachDatabase(
  'webhook bodies that fail: retried on a schedule, then an operator’s',
  (kind) => {
    let testApp: TestApp;
    let queue: WebhookQueue;
    let poisoned: Set<string>;
    const attemptsAt = new Map<string, number[]>();

    beforeAll(async () => {
      testApp = await createTestApp(kind);
      queue = testApp.app.get(WebhookQueue);
      queue.schedule = { firstDelayMs: 150, maxDelayMs: 600, maxAttempts: 4 };
      poisoned = new Set();
      const ingestion = testApp.app.get(IngestionService);
      const apply = ingestion.applyParsed.bind(ingestion);
      // A simulated outage for the bodies of the wamids in `poisoned`; the others apply as usual.
      jest.spyOn(ingestion, 'applyParsed').mockImplementation(async (events, mode, pending) => {
        const wamids = (events as WebhookEvent[]).flatMap((event) =>
          'wamid' in event ? [event.wamid] : [],
        );
        for (const wamid of wamids) {
          attemptsAt.set(wamid, [...(attemptsAt.get(wamid) ?? []), Date.now()]);
        }
        if (wamids.some((wamid) => poisoned.has(wamid))) {
          throw new Error('simulated outage: connection refused');
        }
        return apply(events, mode, pending);
      });
    });
    afterAll(async () => {
      jest.restoreAllMocks();
      await testApp.close();
    });

    const health = async () =>
      (await testApp.http().get('/health').expect(200)).body.details.webhookQueue as Record<
        string,
        unknown
      >;
    const rawEvent = async (wamid: string) => {
      const rows: Record<string, unknown>[] = await testApp.app
        .get(DataSource)
        .query(
          `SELECT id, attempts, last_error, processed_at, next_attempt_at, set_aside_at FROM raw_events WHERE body LIKE '%"${wamid}"%'`,
        );
      expect(rows).toHaveLength(1);
      return rows[0];
    };
    const messageCount = async (wamid: string) => {
      const rows: { n: number | string }[] = await testApp.app
        .get(DataSource)
        .query(`SELECT COUNT(*) AS n FROM messages WHERE wamid = '${wamid}'`);
      return Number(rows[0].n);
    };
    const until = async (check: () => Promise<boolean>, timeoutMs = 10_000) => {
      const started = Date.now();
      while (!(await check())) {
        if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
        await delay(50);
      }
    };
    /** Posts bodies that fail until `healAfter` attempts were made (never, when null). */
    const postFailing = async (wamid: string, at: string) => {
      poisoned.add(wamid);
      await postWebhook(testApp, inbound(wamid, '447700900555', at));
    };

    it('retries a body that failed for a transient reason on its schedule, without new traffic', async () => {
      await postFailing('wamid.transient', '2026-08-07T10:00:00Z');
      // The other bodies of the batch were applied; this one waits for its next attempt.
      const failed = await rawEvent('wamid.transient');
      expect(failed).toMatchObject({
        attempts: 1,
        last_error: 'Error: simulated outage: connection refused',
        processed_at: null,
        set_aside_at: null,
      });
      expect(Number(failed.next_attempt_at)).toBeGreaterThan(Date.now() - 1_000);
      expect(await health()).toEqual({ status: 'up', waiting: 1, retrying: 1, failed: 0 });
      // Each attempt tries the due bodies as a batch, then each alone: two calls. The outage ends
      // after the second scheduled attempt; nothing else is posted meanwhile.
      await until(() => Promise.resolve((attemptsAt.get('wamid.transient')?.length ?? 0) >= 4));
      poisoned.delete('wamid.transient');
      await until(async () => (await rawEvent('wamid.transient')).processed_at !== null);
      expect(await messageCount('wamid.transient')).toBe(1);
      expect(await health()).toEqual({ status: 'up', waiting: 0, retrying: 0, failed: 0 });
      // The second attempt came 150 ms or more after the first failed, the third 300 ms or more
      // after the second: [batch, alone] × 2, then the batch that applied it.
      const times = attemptsAt.get('wamid.transient')!;
      expect(times).toHaveLength(5);
      expect(times[2] - times[1]).toBeGreaterThanOrEqual(150);
      expect(times[4] - times[3]).toBeGreaterThanOrEqual(300);
      expect((await rawEvent('wamid.transient')).attempts).toBe(2);
    });

    it('tries again, with its own backoff, when the queue cannot read the log at all', async () => {
      const spy = jest.spyOn(queue as unknown as { claimDue(): Promise<unknown> }, 'claimDue');
      spy.mockRejectedValueOnce(new Error('connection terminated unexpectedly'));
      spy.mockRejectedValueOnce(new Error('connection terminated unexpectedly'));
      const body = JSON.stringify(inbound('wamid.outage', '447700900556', '2026-08-07T11:00:00Z'));
      await postWebhook(testApp, body);
      expect(await messageCount('wamid.outage')).toBe(0);
      // 1 s, then 2 s later, the queue reads the log again by itself.
      await until(async () => (await messageCount('wamid.outage')) === 1, 15_000);
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
      spy.mockRestore();
    });

    it('sets a body aside after the last attempt of its schedule, and lists it for operators', async () => {
      await postFailing('wamid.poison', '2026-08-07T12:00:00Z');
      await until(async () => (await rawEvent('wamid.poison')).set_aside_at !== null);
      expect(await rawEvent('wamid.poison')).toMatchObject({
        attempts: 4,
        last_error: 'Error: simulated outage: connection refused',
        processed_at: null,
        next_attempt_at: null,
      });
      expect(await health()).toEqual({ status: 'up', waiting: 0, retrying: 0, failed: 1 });
      const listed = await testApp.gql<{ setAsideEvents: any }>(LIST, {}, testApp.keys.operator);
      expect(listed.errors).toBeUndefined();
      expect(listed.data!.setAsideEvents).toMatchObject({
        totalCount: 1,
        pageInfo: { hasNextPage: false },
        edges: [
          {
            node: {
              source: 'WEBHOOK',
              attempts: 4,
              lastError: 'Error: simulated outage: connection refused',
              discardedAt: null,
            },
          },
        ],
      });
      expect(listed.data!.setAsideEvents.edges[0].node.body).toContain('wamid.poison');
    });

    it('lets only operators list, replay and discard', async () => {
      const refused = await testApp.gql(LIST, {}, testApp.keys.finance);
      expect(refused.errors?.[0]).toMatchObject({
        message: 'this needs the OPERATOR role; the key "finance" has the FINANCE role',
        extensions: { code: 'FORBIDDEN' },
      });
      const replay = await testApp.gql(REPLAY, { input: { all: true } }, testApp.keys.finance);
      expect(replay.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('replays a set-aside body that fails again: it stays set aside with one more attempt', async () => {
      const { id } = await rawEvent('wamid.poison');
      const replayed = await testApp.gql<{ replaySetAsideEvents: any }>(
        REPLAY,
        { input: { ids: [String(id)] } },
        testApp.keys.operator,
      );
      expect(replayed.data!.replaySetAsideEvents).toEqual({
        applied: 0,
        failed: 1,
        results: [
          {
            id: String(id),
            outcome: 'FAILED',
            error: 'Error: simulated outage: connection refused',
          },
        ],
      });
      expect(await rawEvent('wamid.poison')).toMatchObject({ attempts: 5, processed_at: null });
      expect((await health()).failed).toBe(1);
    });

    it('replays set-aside bodies after a fix: applied and re-rated, no longer failed', async () => {
      poisoned.delete('wamid.poison');
      const { id } = await rawEvent('wamid.poison');
      const replayed = await testApp.gql<{ replaySetAsideEvents: any }>(
        REPLAY,
        { input: { all: true } },
        testApp.keys.operator,
      );
      expect(replayed.data!.replaySetAsideEvents).toEqual({
        applied: 1,
        failed: 0,
        results: [{ id: String(id), outcome: 'APPLIED', error: null }],
      });
      expect(await messageCount('wamid.poison')).toBe(1);
      const charged: { charge_reason: string }[] = await testApp.app
        .get(DataSource)
        .query(`SELECT charge_reason FROM messages WHERE wamid = 'wamid.poison'`);
      expect(charged).toEqual([{ charge_reason: 'FREE_INBOUND' }]);
      expect(await health()).toEqual({ status: 'up', waiting: 0, retrying: 0, failed: 0 });
      const listed = await testApp.gql<{ setAsideEvents: any }>(LIST, {}, testApp.keys.operator);
      expect(listed.data!.setAsideEvents).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('discards a set-aside body with a reason, kept for audit, never applied afterwards', async () => {
      await postFailing('wamid.garbage', '2026-08-07T13:00:00Z');
      await until(async () => (await rawEvent('wamid.garbage')).set_aside_at !== null);
      const { id } = await rawEvent('wamid.garbage');
      const noReason = await testApp.gql(
        DISCARD,
        { input: { ids: [String(id)], reason: '  ' } },
        testApp.keys.operator,
      );
      expect(noReason.errors?.[0]).toMatchObject({
        message: 'a discard needs a reason',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      const discarded = await testApp.gql<{ discardSetAsideEvents: string[] }>(
        DISCARD,
        { input: { ids: [String(id)], reason: 'a test body from a sandbox app' } },
        testApp.keys.operator,
      );
      expect(discarded.data!.discardSetAsideEvents).toEqual([String(id)]);
      expect(await health()).toEqual({ status: 'up', waiting: 0, retrying: 0, failed: 0 });
      const operator = await testApp.app.get(ApiKeyService).authenticate(testApp.keys.operator);
      const audit = await testApp.gql<{ setAsideEvents: any }>(
        LIST,
        { discarded: true },
        testApp.keys.operator,
      );
      expect(audit.data!.setAsideEvents.edges.map((edge: any) => edge.node)).toEqual([
        expect.objectContaining({
          id: String(id),
          discardedBy: `API key ${operator!.keyId} (operator)`,
          discardReason: 'a test body from a sandbox app',
        }),
      ]);
      expect(Date.parse(audit.data!.setAsideEvents.edges[0].node.discardedAt)).toBeGreaterThan(
        Date.now() - 60_000,
      );
      // Healed or not, a discarded body is never applied: not by a replay, not by the queue.
      poisoned.delete('wamid.garbage');
      const replayAll = await testApp.gql<{ replaySetAsideEvents: any }>(
        REPLAY,
        { input: { all: true } },
        testApp.keys.operator,
      );
      expect(replayAll.data!.replaySetAsideEvents).toEqual({ applied: 0, failed: 0, results: [] });
      queue.wake();
      await queue.idle();
      expect(await messageCount('wamid.garbage')).toBe(0);
    });

    it('refuses a replay or discard of a body that is not set aside, unknown, or not an id', async () => {
      const applied = Number((await rawEvent('wamid.poison')).id);
      const garbage = Number((await rawEvent('wamid.garbage')).id);
      const answers = await Promise.all([
        testApp.gql(REPLAY, { input: { ids: [String(applied)] } }, testApp.keys.operator),
        testApp.gql(
          DISCARD,
          { input: { ids: [String(garbage)], reason: 'again' } },
          testApp.keys.operator,
        ),
        testApp.gql(REPLAY, { input: { ids: ['999999'] } }, testApp.keys.operator),
        testApp.gql(REPLAY, { input: { ids: ['12abc'] } }, testApp.keys.operator),
        testApp.gql(REPLAY, { input: {} }, testApp.keys.operator),
      ]);
      expect(answers.map((answer) => answer.errors?.[0])).toEqual([
        expect.objectContaining({
          message: `only set-aside bodies can be replayed: raw event ${applied} was applied`,
          extensions: { code: 'CONFLICT' },
        }),
        expect.objectContaining({
          message: `only set-aside bodies can be discarded: raw event ${garbage} was discarded`,
          extensions: { code: 'CONFLICT' },
        }),
        expect.objectContaining({
          message: 'no raw event 999999',
          extensions: { code: 'NOT_FOUND' },
        }),
        expect.objectContaining({
          message: 'id must be a raw event id (a whole number); got "12abc"',
          extensions: { code: 'BAD_USER_INPUT' },
        }),
        expect.objectContaining({
          message: 'give either ids or all: true',
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ]);
    });

    it('does the same from the command line: list, replay, discard', async () => {
      await postFailing('wamid.cli-1', '2026-08-07T14:00:00Z');
      await postFailing('wamid.cli-2', '2026-08-07T14:01:00Z');
      await until(async () => (await rawEvent('wamid.cli-2')).set_aside_at !== null);
      await until(async () => (await rawEvent('wamid.cli-1')).set_aside_at !== null);
      const first = Number((await rawEvent('wamid.cli-1')).id);
      const second = Number((await rawEvent('wamid.cli-2')).id);
      const service = testApp.app.get(SetAsideEventsService);
      const run = async (...argv: string[]) => {
        const lines: string[] = [];
        const command = parseEventsArgs(argv);
        if (command.kind === 'help' || command.kind === 'usage') throw new Error(command.kind);
        const code = await runEventsCommand(
          command,
          service,
          { out: (text) => lines.push(text) },
          'command line (tester@host)',
        );
        return { code, output: lines.join('\n') };
      };
      const listed = await run('list', '--first', '1');
      expect(listed.code).toBe(0);
      expect(listed.output).toContain(`#${first}  received `);
      expect(listed.output).toContain('4 attempts');
      expect(listed.output).toContain('last error: Error: simulated outage: connection refused');
      expect(listed.output).toContain(
        `1 of 2 set-aside webhook bodies; next page: --after ${first}`,
      );

      const failing = await run('replay', String(second));
      expect(failing).toEqual({
        code: 1,
        output: `#${second} FAILED: Error: simulated outage: connection refused\nreplayed 1: 0 applied, 1 failed`,
      });
      poisoned.delete('wamid.cli-1');
      expect(await run('replay', String(first))).toEqual({
        code: 0,
        output: `#${first} APPLIED\nreplayed 1: 1 applied, 0 failed`,
      });
      expect(
        await run('discard', String(second), '--reason', 'sent twice by a broken proxy'),
      ).toEqual({ code: 0, output: `discarded #${second} (sent twice by a broken proxy)` });
      const audit = await run('list', '--discarded');
      expect(audit.output).toContain('by command line (tester@host): sent twice by a broken proxy');
      expect(await messageCount('wamid.cli-1')).toBe(1);
      expect(await messageCount('wamid.cli-2')).toBe(0);
    });
  },
);

describe('npm run events arguments', () => {
  it('reads each command and refuses what it cannot run, with the problem', () => {
    expect(parseEventsArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseEventsArgs(['list', '--first', '5', '--after', '12'])).toEqual({
      kind: 'list',
      first: 5,
      after: '12',
      discarded: false,
    });
    expect(parseEventsArgs(['replay', '--all'])).toEqual({ kind: 'replay', ids: null });
    expect(parseEventsArgs(['replay', '3', '4'])).toEqual({ kind: 'replay', ids: ['3', '4'] });
    expect(parseEventsArgs(['discard', '3', '--reason', 'spam'])).toEqual({
      kind: 'discard',
      ids: ['3'],
      reason: 'spam',
    });
    expect(parseEventsArgs([])).toEqual({
      kind: 'usage',
      problem: 'name a command: list, replay or discard',
    });
    expect(parseEventsArgs(['purge'])).toEqual({
      kind: 'usage',
      problem: 'unknown command "purge"',
    });
    expect(parseEventsArgs(['replay'])).toEqual({
      kind: 'usage',
      problem: 'replay takes ids, or --all',
    });
    expect(parseEventsArgs(['replay', '3', '--all'])).toEqual({
      kind: 'usage',
      problem: 'replay takes ids, or --all',
    });
    expect(parseEventsArgs(['discard', '3'])).toEqual({
      kind: 'usage',
      problem: 'discard needs --reason TEXT',
    });
    expect(parseEventsArgs(['list', '--reason', 'x'])).toEqual({
      kind: 'usage',
      problem: 'list takes no --reason',
    });
    expect(parseEventsArgs(['list', '--first', 'ten'])).toEqual({
      kind: 'usage',
      problem: '--first must be a number; got "ten"',
    });
  });
});

describeEachDatabase('bodies set aside before the retry schedule', (kind) => {
  let scratch: ScratchDatabase;

  beforeAll(async () => {
    scratch = await createScratchDatabase(kind);
    const before = new DataSource({
      ...buildDataSourceOptions(scratch.config),
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(RawEventRetrySchedule1764118800000)),
    });
    await before.initialize();
    for (const [body, attempts] of [
      ['{"gave":"up"}', 3],
      ['{"tried":"once"}', 1],
    ] as const) {
      await before.query(
        `INSERT INTO raw_events (received_at, source, body_sha256, body, attempts, last_error) VALUES (1764000000000, 'webhook', '${sha256(body)}', '${body}', ${attempts}, 'old error')`,
      );
    }
    await before.destroy();
  });
  afterAll(async () => {
    await scratch.dispose();
  });

  it('stay set aside; a body with attempts left is applied at start-up', async () => {
    const app = await createApplication({ ...scratch.config, production: true }, { quiet: true });
    try {
      await app.get(WebhookQueue).idle();
      const health = await request(app.getHttpServer() as App)
        .get('/health')
        .expect(200);
      expect(health.body.details.webhookQueue).toEqual({
        status: 'up',
        waiting: 0,
        retrying: 0,
        failed: 1,
      });
      const page = await app
        .get(SetAsideEventsService)
        .list({ first: 20, afterId: null, discarded: false });
      expect(page.events.map((event) => [event.body, event.attempts, event.lastError])).toEqual([
        ['{"gave":"up"}', 3, 'old error'],
      ]);
    } finally {
      await app.close();
    }
  });
});
