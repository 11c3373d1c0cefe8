import { DataSource } from 'typeorm';
import { ChargingService } from '../../src/charging/services/charging.service';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { rollupsAndMessageSums } from '../utils/rollups.util';
import { inbound, PHONE, postWebhook, status, WABA } from '../utils/webhook.util';

const PERU = '51911222333';
const MEXICO = '5215512345678';

const RECORD = `mutation($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { accepted } }`;
const CHARGE = `query($wamid: String!) { message(wamid: $wamid) { templateCategory charge { reason pricingCategory rate amount explanation } } }`;

async function send(
  testApp: TestApp,
  wamid: string,
  to: string,
  sentAt: string,
  template?: { name: string; category: string },
) {
  const response = await testApp.gql<{ recordSentMessages: { accepted: number } }>(
    RECORD,
    {
      input: [
        {
          wamid,
          phoneNumberId: PHONE,
          to,
          sentAt,
          ...(template
            ? {
                templateName: template.name,
                templateLanguage: 'en_US',
                templateCategory: template.category,
              }
            : {}),
        },
      ],
    },
    testApp.keys.operator,
  );
  expect(response.data?.recordSentMessages.accepted).toBe(1);
  await postWebhook(
    testApp,
    status(wamid, to, 'delivered', new Date(Date.parse(sentAt) + 1000).toISOString()),
  );
}

async function charge(testApp: TestApp, wamid: string) {
  const response = await testApp.gql<{
    message: { templateCategory: string; charge: Record<string, string | null> };
  }>(CHARGE, { wamid });
  return response.data!.message;
}

describeEachDatabase('late facts re-rate exactly what they affect', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    await postWebhook(testApp, inbound('wamid.seed', PERU, '2026-08-01T00:00:00Z'));
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('a customer message that arrives late makes an earlier-charged utility template free (August)', async () => {
    await send(testApp, 'wamid.late.utility', PERU, '2026-08-12T10:00:00Z', {
      name: 'order_update',
      category: 'UTILITY',
    });
    expect((await charge(testApp, 'wamid.late.utility')).charge).toMatchObject({
      reason: 'BILLED',
      amount: '0.02',
    });
    await postWebhook(testApp, inbound('wamid.late.inbound', PERU, '2026-08-12T09:00:00Z'));
    expect((await charge(testApp, 'wamid.late.utility')).charge).toMatchObject({
      reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
      amount: '0',
    });
  });

  it('a template recategorisation re-rates the messages sent after it', async () => {
    await send(testApp, 'wamid.recat.before', PERU, '2026-08-20T10:00:00Z', {
      name: 'welcome_template',
      category: 'UTILITY',
    });
    await send(testApp, 'wamid.recat.after', PERU, '2026-08-22T10:00:00Z', {
      name: 'welcome_template',
      category: 'UTILITY',
    });
    await postWebhook(testApp, {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: WABA,
          time: Math.floor(Date.parse('2026-08-21T00:00:00Z') / 1000),
          changes: [
            {
              field: 'template_category_update',
              value: {
                message_template_id: 278077987957091,
                message_template_name: 'welcome_template',
                message_template_language: 'en-US',
                previous_category: 'UTILITY',
                new_category: 'MARKETING',
              },
            },
          ],
        },
      ],
    });
    expect((await charge(testApp, 'wamid.recat.before')).charge).toMatchObject({
      reason: 'BILLED',
      pricingCategory: 'UTILITY',
      amount: '0.02',
    });
    expect((await charge(testApp, 'wamid.recat.after')).charge).toMatchObject({
      reason: 'BILLED',
      pricingCategory: 'MARKETING',
      amount: '0.0703',
    });
  });

  it('a new rate card prices messages that had no rate, and reprice is idempotent', async () => {
    await send(testApp, 'wamid.mexico', MEXICO, '2026-08-25T10:00:00Z', {
      name: 'promo',
      category: 'MARKETING',
    });
    expect((await charge(testApp, 'wamid.mexico')).charge).toMatchObject({
      reason: 'NO_RATE',
      amount: '0',
      rate: null,
    });
    const imported = await testApp.gql(
      `mutation($input: ImportRateCardInput!) { importRateCard(input: $input) { id name } }`,
      {
        input: {
          name: 'Test USD 2026-08',
          currency: 'USD',
          effectiveFrom: '2026-08-01',
          ratesCsv:
            'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service\nMexico,$US,0.0397,0.0085,0.0085,n/a,0.0085\nPeru,$US,0.0703,0.0200,0.0200,n/a,0.0200\n',
        },
      },
      testApp.keys.operator,
    );
    expect(imported.errors).toBeUndefined();
    expect((await charge(testApp, 'wamid.mexico')).charge).toMatchObject({
      reason: 'BILLED',
      rate: '0.0397',
      amount: '0.0397',
    });
    const before = await rollupsAndMessageSums(testApp);
    const repriced = await testApp.gql<{ reprice: { messages: number } }>(
      `mutation { reprice(input: { from: "2026-08-01T00:00:00Z", to: "2026-09-01T00:00:00Z" }) { messages } }`,
      {},
      testApp.keys.operator,
    );
    expect(repriced.data?.reprice.messages).toBeGreaterThanOrEqual(6);
    const after = await rollupsAndMessageSums(testApp);
    expect(after).toEqual(before);
    expect(after.fromRollups).toEqual(after.fromMessages);
  });

  it('re-rates a month read in tiny chunks exactly as in one piece', async () => {
    const dataSource = testApp.app.get(DataSource);
    const snapshot = () =>
      dataSource.query(
        `SELECT wamid, charge_reason, charge_amount, charge_explanation, sequence_ordinal FROM messages ORDER BY wamid`,
      );
    const before = await snapshot();
    const sums = await rollupsAndMessageSums(testApp);
    // Make every stored charge look stale, so the re-rate must rewrite all of them.
    await dataSource.query(`UPDATE messages SET charge_explanation = 'stale'`);
    const charging = testApp.app.get(ChargingService);
    charging.conversationChunkRows = 2;
    try {
      await charging.repriceRange({
        wabaIds: null,
        from: new Date('2026-08-01T00:00:00Z'),
        to: new Date('2026-09-01T00:00:00Z'),
      });
    } finally {
      charging.conversationChunkRows = 20_000;
    }
    expect(before.length).toBe(6);
    expect(await snapshot()).toEqual(before);
    expect(await rollupsAndMessageSums(testApp)).toEqual(sums);
  });

  it('refuses a broken rate card whole, naming its lines', async () => {
    const refused = await testApp.gql(
      `mutation($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`,
      {
        input: {
          name: 'Broken',
          currency: 'USD',
          effectiveFrom: '2026-09-01',
          ratesCsv:
            'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service\nMexico,$US,abc,0.0085,0.0085,n/a,0.0085\nAtlantis,$US,0.01,0.01,0.01,n/a,0.01\n',
        },
      },
      testApp.keys.operator,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_CARD_INVALID');
    const details =
      (refused.errors?.[0].extensions as { details?: { line: number }[] }).details ?? [];
    expect(details.map((detail) => detail.line)).toEqual([2, 3]);
  });
});
