import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RawEventEntity } from '../../../src/ingestion/entities/raw-event.entity';
import { WebhookQueue } from '../../../src/ingestion/services/webhook-queue.service';
import { sha256 } from '../../../src/ingestion/utils/raw-event-appender.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { inbound, sign, status } from '../../utils/webhook.util';

const METRICS_TOKEN = 'metrics-token-0123456789';

/** The value of one sample of the Prometheus text, or undefined when it is not there. */
function sample(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null || match[1] !== name) continue;
    const present = match[2] === undefined ? [] : match[2].split(',');
    if (wanted.every((label) => present.includes(label))) return Number(match[3]);
  }
  return undefined;
}

describeEachDatabase('metrics, probes and request ids', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind, { webhookMaxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const metrics = async () => (await testApp.http().get('/metrics').expect(200)).text;
  const post = (body: string, signature = sign(body)) =>
    testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', signature)
      .send(body);
  const logRawEvent = (receivedAt: Date, attempts: number, body: string) =>
    testApp.app
      .get(DataSource)
      .getRepository(RawEventEntity)
      .insert({
        receivedAt,
        source: 'webhook',
        bodySha256: sha256(body),
        body,
        processedAt: null,
        attempts,
        setAsideAt: null,
      });

  it('counts webhook deliveries by outcome, applied bodies, re-rates and GraphQL operations', async () => {
    const before = await metrics();
    expect(sample(before, 'billing_webhook_deliveries_received_total')).toBe(0);
    expect(sample(before, 'billing_webhook_queue_waiting_bodies')).toBe(0);
    expect(sample(before, 'billing_database_up')).toBe(1);
    expect(sample(before, 'billing_process_cpu_user_seconds_total')).toBeGreaterThan(0);
    if (kind === 'postgres') {
      expect(
        sample(before, 'billing_database_pool_connections', { state: 'total' }),
      ).toBeGreaterThan(0);
      expect(sample(before, 'billing_database_pool_connections', { state: 'max' })).toBe(10);
    } else {
      expect(sample(before, 'billing_database_pool_connections', { state: 'total' })).toBe(1);
    }

    const first = JSON.stringify(inbound('wamid.metrics-1', '15550001111', '2026-11-03T10:00:00Z'));
    const second = JSON.stringify(
      status('wamid.metrics-2', '15550001111', 'sent', '2026-11-03T10:05:00Z'),
    );
    await post(first).expect(200);
    await post(second).expect(200);
    await post(first).expect(200); // Meta's retry of the same body
    await post(second, sign(second, 'another secret')).expect(401);
    await post('not json').expect(400);
    await post(JSON.stringify({ padding: 'x'.repeat(70 * 1024) })).expect(413);
    await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Encoding', 'gzip')
      .send(Buffer.from('compressed'))
      .expect(415);
    await testApp.app.get(WebhookQueue).idle();

    const statement = await testApp.gql(
      `query StatementForMetrics { monthlyStatement(input: { month: "2026-11", wabaId: "102290129340398" }) { total } }`,
    );
    expect(statement.errors).toBeUndefined();
    await testApp.gql(`query BrokenForMetrics { noSuchField }`);

    const after = await metrics();
    expect(sample(after, 'billing_webhook_deliveries_received_total')).toBe(7);
    expect(sample(after, 'billing_webhook_bodies_logged_total')).toBe(2);
    expect(sample(after, 'billing_webhook_bodies_duplicate_total')).toBe(1);
    expect(
      sample(after, 'billing_webhook_deliveries_refused_total', { reason: 'bad_signature' }),
    ).toBe(1);
    expect(
      sample(after, 'billing_webhook_deliveries_refused_total', { reason: 'invalid_body' }),
    ).toBe(1);
    expect(sample(after, 'billing_webhook_deliveries_refused_total', { reason: 'too_large' })).toBe(
      1,
    );
    expect(
      sample(after, 'billing_webhook_deliveries_refused_total', { reason: 'compressed' }),
    ).toBe(1);
    expect(sample(after, 'billing_webhook_bodies_applied_total')).toBe(2);
    expect(sample(after, 'billing_webhook_queue_waiting_bodies')).toBe(0);
    expect(sample(after, 'billing_webhook_set_aside_bodies')).toBe(0);
    expect(
      sample(after, 'billing_rerate_duration_seconds_count', { kind: 'incremental' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, 'billing_graphql_request_duration_seconds_count', {
        operation: 'StatementForMetrics',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sample(after, 'billing_graphql_request_duration_seconds_count', {
        operation: 'anonymous',
        outcome: 'error',
      }),
    ).toBe(1);
  });

  it('times jobs by kind and month re-rates', async () => {
    const queued = await testApp.gql<{ reprice: { id: string } }>(
      `mutation { reprice(input: { from: "2026-11-01T00:00:00Z", to: "2026-12-01T00:00:00Z" }) { id } }`,
    );
    expect(queued.errors).toBeUndefined();
    await testApp.settle();
    const text = await metrics();
    expect(
      sample(text, 'billing_job_duration_seconds_count', { kind: 'REPRICE', outcome: 'done' }),
    ).toBe(1);
    expect(
      sample(text, 'billing_rerate_duration_seconds_count', { kind: 'month' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('answers /health/live without the database, and /health/ready 503 while the oldest new body is too old', async () => {
    expect((await testApp.http().get('/health/live').expect(200)).body).toEqual({ status: 'ok' });
    const ready = await testApp.http().get('/health/ready').expect(200);
    expect(ready.body.details.webhookQueue).toMatchObject({ status: 'up', waiting: 0 });

    // A body that failed once and waits for its retry does not make the process unready.
    await logRawEvent(new Date(Date.now() - 3_600_000), 1, '{"probe":"retrying"}');
    await testApp.http().get('/health/ready').expect(200);

    await logRawEvent(
      new Date(Date.now() - 600_000),
      0,
      '{"object":"whatsapp_business_account","entry":[]}',
    );
    const unready = await testApp.http().get('/health/ready').expect(503);
    expect(unready.body.status).toBe('error');
    expect(unready.body.error.webhookQueue).toMatchObject({ status: 'down', maxAgeSeconds: 300 });
    expect(unready.body.error.webhookQueue.oldestAgeSeconds).toBeGreaterThanOrEqual(600);
    expect(unready.body.error.webhookQueue.reason).toContain('READY_MAX_QUEUE_AGE_SECONDS');
    expect(
      sample(await metrics(), 'billing_webhook_queue_oldest_waiting_seconds'),
    ).toBeGreaterThanOrEqual(600);
    expect(sample(await metrics(), 'billing_webhook_queue_retrying_bodies')).toBe(1);
    // /health stays as it was: a backlog never marks it down.
    await testApp.http().get('/health').expect(200);

    const queue = testApp.app.get(WebhookQueue);
    queue.wake();
    await queue.idle();
    await testApp.http().get('/health/ready').expect(200);
    expect(sample(await metrics(), 'billing_webhook_queue_oldest_waiting_seconds')).toBe(0);
  });

  (kind === 'postgres' ? it : it.skip)(
    'stays live but not ready while the database refuses connections',
    async () => {
      const name = new URL(testApp.config.databaseUrl!).pathname.slice(1);
      const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      try {
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        try {
          await testApp.http().get('/health/live').expect(200);
          const unready = await testApp.http().get('/health/ready').expect(503);
          expect(unready.body.error.database.status).toBe('down');
          expect(unready.body.error.webhookQueue.reason).toContain('could not be read');
          expect(sample(await metrics(), 'billing_database_up')).toBe(0);
        } finally {
          await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        }
      } finally {
        await admin.end();
      }
      await testApp.http().get('/health/ready').expect(200);
    },
  );

  it('echoes a sane X-Request-Id and generates one otherwise', async () => {
    const kept = await testApp
      .http()
      .get('/health/live')
      .set('X-Request-Id', 'req-42.abc')
      .expect(200);
    expect(kept.headers['x-request-id']).toBe('req-42.abc');
    const replaced = await testApp
      .http()
      .get('/health/live')
      .set('X-Request-Id', 'has spaces and "quotes"')
      .expect(200);
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const generated = await testApp.http().post('/graphql').send({ query: '{ __typename }' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describeEachDatabase('metrics behind METRICS_TOKEN', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind, { metricsToken: METRICS_TOKEN });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('answers 401 without the token or with another, and the metrics with it', async () => {
    const missing = await testApp.http().get('/metrics').expect(401);
    expect(missing.body.error).toBe('UNAUTHENTICATED');
    await testApp
      .http()
      .get('/metrics')
      .set('Authorization', 'Bearer wrong-token-0123456789')
      .expect(401);
    const text = (
      await testApp
        .http()
        .get('/metrics')
        .set('Authorization', `Bearer ${METRICS_TOKEN}`)
        .expect(200)
    ).text;
    expect(sample(text, 'billing_webhook_deliveries_received_total')).toBe(0);
  });
});
