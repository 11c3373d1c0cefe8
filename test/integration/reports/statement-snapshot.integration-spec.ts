import { Client } from 'pg';
import { WebhookQueue } from '../../../src/ingestion/services/webhook-queue.service';
import { writeInTheMiddleOfReads } from '../../utils/read-snapshot.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { postWebhook, sign, statuses, WABA } from '../../utils/webhook.util';

const STATEMENT = `{ monthlyStatement(input: { month: "2026-10", wabaId: "${WABA}" }) {
  total billedMessages pendingMessages lines { market pricingCategory tier quantity rate amount } free { reason quantity } } }`;
const MESSAGES = `{ messages(first: 200, filter: { wabaIds: ["${WABA}"] }) { edges { node { wamid } } } }`;

type Statement = { total: string; billedMessages: number };

/** One webhook body carrying `count` billable deliveries, one message each: one charge batch. */
function deliveries(prefix: string, count: number, day: string) {
  const start = Date.parse(`${day}T10:00:00Z`);
  return statuses(
    Array.from({ length: count }, (_, index) => ({
      wamid: `wamid.${prefix}.${index}`,
      to: `55119876${String(index).padStart(5, '0')}`,
      state: 'delivered',
      at: new Date(start + index * 1000).toISOString(),
      pricing: {
        billable: true,
        pricing_model: 'PMP',
        type: 'regular',
        category: index % 3 === 0 ? 'utility' : 'marketing',
      },
    })),
  );
}

describeEachDatabase('statements read beside charge batches', (kind) => {
  let testApp: TestApp;

  beforeEach(async () => {
    testApp = await createTestApp(kind);
    await postWebhook(testApp, deliveries('before', 150, '2026-10-05'));
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await testApp.close();
  });

  const statement = async (): Promise<Statement> => {
    const result = await testApp.gql<{ monthlyStatement: Statement }>(STATEMENT);
    expect(result.errors).toBeUndefined();
    return result.data!.monthlyStatement;
  };

  it('a statement whose reading a whole charge batch commits in the middle of equals the one before it', async () => {
    const before = await statement();
    expect(before.billedMessages).toBe(150);
    // The statement stops after its first query until a batch of 300 charges has been committed.
    const batch = writeInTheMiddleOfReads(testApp.app, () =>
      postWebhook(testApp, deliveries('during', 300, '2026-10-06')),
    );
    const during = await statement();
    expect(batch.ran()).toBe(true);
    jest.restoreAllMocks();
    expect(during).toEqual(before);
    const after = await statement();
    expect(after.billedMessages).toBe(450);
    expect(after).not.toEqual(before);
  });

  (kind === 'postgres' ? it : it.skip)(
    'while a charge batch is held open, statements and message pages answer at once with the state before it',
    async () => {
      const before = await statement();
      const messagesBefore = await testApp.gql(MESSAGES);
      // Another transaction holds every rollup row: the batch writes its messages, then waits.
      const blocker = new Client({ connectionString: testApp.config.databaseUrl! });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT 1 FROM charge_rollups FOR UPDATE');
        const body = JSON.stringify(deliveries('held', 300, '2026-10-05'));
        await testApp
          .http()
          .post('/webhooks/whatsapp')
          .set('Content-Type', 'application/json')
          .set('X-Hub-Signature-256', sign(body))
          .send(body)
          .expect(200);
        for (;;) {
          const waiting = await blocker.query(
            `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE NOT l.granted AND a.datname = current_database()`,
          );
          if (waiting.rowCount! > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        expect(await statement()).toEqual(before);
        expect(await testApp.gql(MESSAGES)).toEqual(messagesBefore);
        await blocker.query('COMMIT');
      } finally {
        await blocker.end();
      }
      await testApp.app.get(WebhookQueue).idle();
      expect((await statement()).billedMessages).toBe(450);
    },
  );
});
