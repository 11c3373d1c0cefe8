import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { RawEventEntity } from '../../src/ingestion/entities/raw-event.entity';
import { BulkImportService } from '../../src/ingestion/services/bulk-import.service';
import { sha256 } from '../../src/ingestion/utils/raw-event-appender.util';
import { WebhookQueue } from '../../src/ingestion/services/webhook-queue.service';
import {
  listWebhookFixtures,
  loadWebhookFixture,
  WEBHOOK_FIXTURES_DIR,
} from '../fixtures/webhooks/load-webhook-fixture.util';
import { rollupsAndMessageSums } from '../utils/rollups.util';
import { useScratchDirectory } from '../utils/scratch-files.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { echo, inbound, PHONE, postWebhook, sign, status, WABA } from '../utils/webhook.util';
import { ChargeWriter } from '../../src/charging/services/charge-writer.service';
import { MessageStore } from '../../src/messages/services/message-store.service';

const MESSAGE_QUERY = `query($wamid: String!) { message(wamid: $wamid) {
  wamid direction origin contact status templateCategory
  charge { billable reason pricingCategory market country rate amount currency tier source explanation estimateReason }
} }`;

describeEachDatabase('webhook and send-log ingestion', (kind) => {
  let testApp: TestApp;
  const scratch = useScratchDirectory('ingestion-');

  beforeAll(async () => {
    testApp = await createTestApp(kind, { webhookMaxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await testApp.close();
  });

  const count = async (sql: string): Promise<number> => {
    const rows: { n: string | number }[] = await testApp.app.get(DataSource).query(sql);
    return Number(rows[0].n);
  };
  const message = async (wamid: string) =>
    (await testApp.gql<{ message: Record<string, any> }>(MESSAGE_QUERY, { wamid })).data!.message;

  it('answers /health and the verification handshake', async () => {
    await testApp.http().get('/health').expect(200);
    const ok = await testApp
      .http()
      .get('/webhooks/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '42' })
      .expect(200);
    expect(ok.text).toBe('42');
    await testApp
      .http()
      .get('/webhooks/whatsapp')
      .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong', 'hub.challenge': '42' })
      .expect(403);
  });

  it('reports the webhook queue on /health: bodies waiting, and bodies that failed every attempt', async () => {
    const queueHealth = async () =>
      (await testApp.http().get('/health').expect(200)).body.details.webhookQueue;
    expect(await queueHealth()).toEqual({ status: 'up', waiting: 0, retrying: 0, failed: 0 });

    const log = (body: string, attempts: number, setAsideAt: Date | null) =>
      testApp.app
        .get(DataSource)
        .getRepository(RawEventEntity)
        .insert({
          receivedAt: new Date(),
          source: 'webhook',
          bodySha256: sha256(body),
          body,
          processedAt: null,
          attempts,
          setAsideAt,
        });
    await log('{"object":"whatsapp_business_account","entry":[]}', 0, null);
    await log('{"health":"failed once, tried again now"}', 1, null);
    await log('{"health":"set aside after every attempt"}', 16, new Date());
    expect(await queueHealth()).toEqual({ status: 'up', waiting: 2, retrying: 1, failed: 1 });

    const queue = testApp.app.get(WebhookQueue);
    queue.wake();
    await queue.idle();
    expect(await queueHealth()).toEqual({ status: 'up', waiting: 0, retrying: 0, failed: 1 });
  });

  it('stores what every reference payload says', async () => {
    for (const name of listWebhookFixtures()) {
      await postWebhook(testApp, readFileSync(join(WEBHOOK_FIXTURES_DIR, name), 'utf8'));
    }
    const inboundText = await message(
      'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
    );
    expect(inboundText).toMatchObject({
      direction: 'INBOUND',
      origin: 'CLOUD_API',
      contact: '16505551234',
      status: 'RECEIVED',
    });
    expect(inboundText.charge).toMatchObject({
      billable: false,
      reason: 'FREE_INBOUND',
      amount: '0',
    });

    const echoed = await message('wamid.HBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0N0FCNjMA');
    expect(echoed).toMatchObject({ direction: 'OUTBOUND', contact: '16505551234' });
    expect(['FREE_BUSINESS_APP', 'FREE_HISTORY_IMPORT']).toContain(echoed.charge.reason);

    const historyInbound = await message(
      'wamid.N0FCNjMAHBgLMTY0NjcwNDM1OTUVAgARGBIyNDlBOEI5QUQ4NDc0',
    );
    expect(historyInbound).toMatchObject({ direction: 'INBOUND', origin: 'HISTORY_IMPORT' });
    expect(historyInbound.charge.reason).toBe('FREE_HISTORY_IMPORT');

    const failed = await message('wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA');
    expect(failed).toMatchObject({ status: 'FAILED' });
    expect(failed.charge).toMatchObject({ billable: false, reason: 'NOT_DELIVERED', amount: '0' });

    const sentMarketing = await message(
      'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
    );
    expect(sentMarketing).toMatchObject({ direction: 'OUTBOUND', templateCategory: 'MARKETING' });
    // Meta's username examples reuse this wamid for a delivered status (June 2025, before
    // per-message pricing): billable per Meta, with no rate to price it.
    expect(sentMarketing.charge).toMatchObject({ reason: 'NO_RATE', source: 'META' });

    const phones = await testApp.gql<{
      phoneNumbers: { phoneNumberId: string; coexistence: boolean }[];
    }>('{ phoneNumbers { phoneNumberId coexistence } }');
    expect(phones.data!.phoneNumbers).toContainEqual({ phoneNumberId: PHONE, coexistence: true });
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM account_events WHERE event = 'VOLUME_BASED_PRICING_TIER_UPDATE'`,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(await count(`SELECT COUNT(*) AS n FROM template_category_changes`)).toBe(1);
    expect(await count(`SELECT COUNT(*) AS n FROM contacts`)).toBe(1);
  });

  it('stores a duplicate webhook once', async () => {
    const body = inbound('wamid.dup-1', '447700900123', '2026-08-03T10:00:00Z');
    await postWebhook(testApp, body);
    const messages = await count(`SELECT COUNT(*) AS n FROM messages`);
    const raw = await count(`SELECT COUNT(*) AS n FROM raw_events`);
    await postWebhook(testApp, body);
    expect(await count(`SELECT COUNT(*) AS n FROM messages`)).toBe(messages);
    expect(await count(`SELECT COUNT(*) AS n FROM raw_events`)).toBe(raw);
  });

  it('reaches the same state whatever order statuses arrive in', async () => {
    const to = '51987654321';
    const events = (wamid: string) => [
      status(wamid, to, 'sent', '2026-08-04T10:00:00Z', {
        billable: true,
        pricing_model: 'PMP',
        type: 'regular',
        category: 'marketing',
      }),
      status(wamid, to, 'delivered', '2026-08-04T10:00:05Z', {
        billable: true,
        pricing_model: 'PMP',
        type: 'regular',
        category: 'marketing',
      }),
      status(wamid, to, 'read', '2026-08-04T10:01:00Z'),
    ];
    for (const body of events('wamid.order-a')) await postWebhook(testApp, body);
    for (const body of events('wamid.order-b').reverse()) await postWebhook(testApp, body);
    const a = await message('wamid.order-a');
    const b = await message('wamid.order-b');
    expect(a.status).toBe('READ');
    expect({ ...b, wamid: 'x' }).toEqual({ ...a, wamid: 'x' });
    expect(a.charge).toMatchObject({
      billable: true,
      reason: 'BILLED',
      pricingCategory: 'MARKETING',
      market: 'Peru',
      rate: '0.0703',
      amount: '0.0703',
      source: 'META',
    });
  });

  it('writes a new message once, with its charge, and merges one another writer stored meanwhile', async () => {
    const writer = testApp.app.get(ChargeWriter);
    const write = writer.write.bind(writer);
    const insertedWithCharge: string[] = [];
    const spy = jest.spyOn(writer, 'write').mockImplementation(async (writes) => {
      for (const entry of writes) {
        if (entry.newMessage === undefined) continue;
        insertedWithCharge.push(entry.newMessage.wamid);
        if (entry.newMessage.wamid === 'wamid.raced') {
          // Another process stores the same message between its facts and its charge.
          await testApp.app.get(MessageStore).applyFacts([
            {
              wamid: 'wamid.raced',
              phoneNumberId: PHONE,
              wabaId: WABA,
              fact: {
                kind: 'status',
                status: 'sent',
                contact: '51987654321',
                at: new Date('2026-08-06T09:59:58Z'),
                errorCode: null,
                pricing: null,
              },
            },
          ]);
        }
      }
      return write(writes);
    });
    const utility = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' };
    try {
      await postWebhook(
        testApp,
        status('wamid.fresh', '51987654321', 'delivered', '2026-08-06T09:00:00Z', utility),
      );
      await postWebhook(
        testApp,
        status('wamid.raced', '51987654321', 'delivered', '2026-08-06T10:00:00Z', utility),
      );
    } finally {
      spy.mockRestore();
    }
    expect(insertedWithCharge).toEqual(['wamid.fresh', 'wamid.raced']);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM messages WHERE wamid IN ('wamid.fresh', 'wamid.raced')`,
      ),
    ).toBe(2);
    const raced = await message('wamid.raced');
    expect(raced.status).toBe('DELIVERED');
    expect(raced.charge).toMatchObject({
      billable: true,
      reason: 'BILLED',
      pricingCategory: 'UTILITY',
      market: 'Peru',
      source: 'META',
    });
    const sent: { sent_at: string | number }[] = await testApp.app
      .get(DataSource)
      .query(`SELECT sent_at FROM messages WHERE wamid = 'wamid.raced'`);
    expect(Number(sent[0].sent_at)).toBe(Date.parse('2026-08-06T09:59:58Z'));
    const { fromMessages, fromRollups } = await rollupsAndMessageSums(testApp);
    expect(fromRollups).toEqual(fromMessages);
  });

  it('counts a delivered status after a failed one as delivered', async () => {
    await postWebhook(
      testApp,
      status('wamid.flaky', '919876543210', 'failed', '2026-08-05T10:00:00Z'),
    );
    await postWebhook(
      testApp,
      status('wamid.flaky', '919876543210', 'delivered', '2026-08-05T10:00:03Z', {
        billable: true,
        type: 'regular',
        category: 'utility',
      }),
    );
    const flaky = await message('wamid.flaky');
    expect(flaky.status).toBe('DELIVERED');
    expect(flaky.charge.reason).not.toBe('NOT_DELIVERED');
  });

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const before = await count(`SELECT COUNT(*) AS n FROM raw_events`);
    const body = JSON.stringify(inbound('wamid.forged', '447700900999', '2026-08-03T10:00:00Z'));
    await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', sign(body, 'wrong-secret'))
      .send(body)
      .expect(401);
    await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .send(body)
      .expect(401);
    expect(await count(`SELECT COUNT(*) AS n FROM raw_events`)).toBe(before);
    expect(await message('wamid.forged')).toBeNull();
  });

  it('answers malformed or empty bodies with 400, oversized ones with 413, compressed ones with 415', async () => {
    const notJson = '{"object": "whatsapp_business_account", ';
    await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', sign(notJson))
      .send(notJson)
      .expect(400);
    const notWhatsapp = JSON.stringify({ object: 'page', entry: [] });
    const refused = await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', sign(notWhatsapp))
      .send(notWhatsapp)
      .expect(400);
    expect(refused.body.error).toBe('BAD_USER_INPUT');
    const huge = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [],
      padding: 'x'.repeat(70 * 1024),
    });
    const tooLarge = await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', sign(huge))
      .send(huge)
      .expect(413);
    expect(tooLarge.body).toEqual({
      error: 'PAYLOAD_TOO_LARGE',
      message: 'the body exceeds 65536 bytes (WEBHOOK_MAX_BODY_BYTES)',
    });
    const compressed = await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .set('X-Hub-Signature-256', sign(notWhatsapp))
      .send(notWhatsapp)
      .expect(415);
    expect(compressed.body.error).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await testApp
      .http()
      .post('/webhooks/whatsapp')
      .set('X-Hub-Signature-256', sign(''))
      .expect(400);
    expect(empty.body).toEqual({ error: 'BAD_USER_INPUT', message: 'empty body' });
  });

  it('takes deliveries at the path as the router would: trailing slash, query, any case', async () => {
    const body = JSON.stringify(
      inbound('wamid.path-variants', '5511999990001', '2026-03-02T10:00:00Z'),
    );
    for (const path of [
      '/webhooks/whatsapp/',
      '/webhooks/whatsapp?source=meta',
      '/Webhooks/WhatsApp',
    ]) {
      const response = await testApp
        .http()
        .post(path)
        .set('Content-Type', 'application/json')
        .set('X-Hub-Signature-256', sign(body))
        .send(body)
        .expect(200);
      expect(response.body).toEqual({ received: true, events: 1, problems: [] });
    }
    await testApp.app.get(WebhookQueue).idle();
    expect(await message('wamid.path-variants')).toMatchObject({ wamid: 'wamid.path-variants' });
    await testApp.http().post('/webhooks/whatsapp/extra').send(body).expect(404);
  });

  it('refuses GraphQL without a key, and a finance key on an operator mutation', async () => {
    const anonymous = await testApp.gql('{ rateCards { id } }', {}, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const mutation = `mutation($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { accepted } }`;
    const input = [
      {
        wamid: 'wamid.auth',
        phoneNumberId: PHONE,
        to: '447700900123',
        sentAt: '2026-08-03T10:00:00Z',
      },
    ];
    const forbidden = await testApp.gql(mutation, { input }, testApp.keys.finance);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const allowed = await testApp.gql<{ recordSentMessages: { accepted: number } }>(
      mutation,
      { input },
      testApp.keys.operator,
    );
    expect(allowed.data?.recordSentMessages.accepted).toBe(1);
  });

  it('imports a JSONL file: good lines stored, bad lines reported by number, a rerun changes nothing', async () => {
    const path = scratch.path('import.jsonl');
    const lines = [
      JSON.stringify(inbound('wamid.imp-1', '5511987654321', '2026-08-10T09:00:00Z')),
      'not json at all',
      JSON.stringify(echo('wamid.imp-2', '5511987654321', '2026-08-10T09:05:00Z')),
      JSON.stringify({ object: 'instagram', entry: [] }),
      JSON.stringify(
        status('wamid.imp-3', '5511987654321', 'delivered', '2026-08-10T09:10:00Z', {
          billable: true,
          type: 'regular',
          category: 'marketing',
        }),
      ),
    ];
    writeFileSync(path, `${lines.join('\n')}\n`);
    const importer = testApp.app.get(BulkImportService);
    const first = await importer.importFile(path);
    expect(first).toMatchObject({ linesRead: 5, stored: 3, duplicates: 0 });
    expect(first.rejected.map((problem) => problem.line)).toEqual([2, 4]);
    expect((await message('wamid.imp-2')).charge.reason).toBe('FREE_BUSINESS_APP');
    // Brazil marketing on the built-in USD card of 2026-07-01.
    expect((await message('wamid.imp-3')).charge).toMatchObject({
      reason: 'BILLED',
      billable: true,
      pricingCategory: 'MARKETING',
      market: 'Brazil',
      amount: '0.0625',
    });
    const total = await count(`SELECT COUNT(*) AS n FROM messages`);
    const second = await importer.importFile(path);
    expect(second).toMatchObject({ stored: 0, duplicates: 3, messagesChanged: 0 });
    expect(await count(`SELECT COUNT(*) AS n FROM messages`)).toBe(total);
  });

  it('keeps the charge rollups equal to the sums of the charged messages', async () => {
    const { fromMessages, fromRollups } = await rollupsAndMessageSums(testApp);
    expect(fromMessages.length).toBeGreaterThan(10);
    expect(fromRollups).toEqual(fromMessages);
  });

  it('keeps entities and migrations in step (no pending schema change)', async () => {
    const pending = await testApp.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('loads every fixture it was given', () => {
    expect(listWebhookFixtures().length).toBeGreaterThanOrEqual(20);
    expect(loadWebhookFixture('inbound-text.json')).toHaveProperty(
      'object',
      'whatsapp_business_account',
    );
  });
});
