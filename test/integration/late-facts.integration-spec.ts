import { DataSource } from 'typeorm';
import { ChargingService } from '../../src/charging/services/charging.service';
import { MessageRowReader } from '../../src/charging/services/message-row-reader.service';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { rollupsAndMessageSums } from '../utils/rollups.util';
import { echo, inbound, PHONE, postWebhook, status, WABA } from '../utils/webhook.util';

const PERU = '51911222333';
/** Turkey: no public source gives its USD rates for the card of 2026-07-01 (NO_RATE built in). */
const TURKEY = '905321234567';

const RECORD = `mutation($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { accepted } }`;
const CHARGE = `query($wamid: String!) { message(wamid: $wamid) { templateCategory charge { reason pricingCategory rate amount tier explanation } } }`;

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
    await send(testApp, 'wamid.turkey', TURKEY, '2026-08-25T10:00:00Z', {
      name: 'promo',
      category: 'MARKETING',
    });
    expect((await charge(testApp, 'wamid.turkey')).charge).toMatchObject({
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
            'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service\nTurkey,$US,0.0109,0.0009,0.0009,n/a,0.0009\nPeru,$US,0.0703,0.0200,0.0200,n/a,0.0200\n',
        },
      },
      testApp.keys.operator,
    );
    expect(imported.errors).toBeUndefined();
    await testApp.settle();
    expect((await charge(testApp, 'wamid.turkey')).charge).toMatchObject({
      reason: 'BILLED',
      rate: '0.0109',
      amount: '0.0109',
    });
    const before = await rollupsAndMessageSums(testApp);
    const repriced = await testApp.gql<{ reprice: { id: string; kind: string } }>(
      `mutation { reprice(input: { from: "2026-08-01T00:00:00Z", to: "2026-09-01T00:00:00Z" }) { id kind } }`,
      {},
      testApp.keys.operator,
    );
    expect(repriced.data?.reprice.kind).toBe('REPRICE');
    await testApp.settle();
    const job = await testApp.gql<{ job: { status: string; messages: number; progress: number } }>(
      `query($id: ID!) { job(id: $id) { status messages progress } }`,
      { id: repriced.data!.reprice.id },
    );
    expect(job.data?.job).toMatchObject({ status: 'DONE', progress: 1 });
    expect(job.data?.job.messages).toBeGreaterThanOrEqual(6);
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
    await dataSource.query(
      `UPDATE messages SET charge_explanation = 'stale', charge_fingerprint = NULL`,
    );
    const reader = testApp.app.get(MessageRowReader);
    reader.conversationChunkRows = 2;
    try {
      await testApp.app.get(ChargingService).repriceRange({
        wabaIds: null,
        from: new Date('2026-08-01T00:00:00Z'),
        to: new Date('2026-09-01T00:00:00Z'),
      });
    } finally {
      reader.conversationChunkRows = 20_000;
    }
    expect(before.length).toBe(6);
    expect(await snapshot()).toEqual(before);
    expect(await rollupsAndMessageSums(testApp)).toEqual(sums);
  });

  it('skips rewriting charges whose stored fingerprint matches (the writer thread fingerprints them as the charging does)', async () => {
    const dataSource = testApp.app.get(DataSource);
    // Only the explanation is touched: a re-rate that finds every fingerprint equal leaves it.
    await dataSource.query(`UPDATE messages SET charge_explanation = 'untouched'`);
    await testApp.app.get(ChargingService).repriceRange({
      wabaIds: null,
      from: new Date('2026-08-01T00:00:00Z'),
      to: new Date('2026-09-01T00:00:00Z'),
    });
    const rows: { explanation: string }[] = await dataSource.query(
      `SELECT charge_explanation AS explanation FROM messages ORDER BY wamid`,
    );
    expect(rows.map((row) => row.explanation)).toEqual(Array(6).fill('untouched'));
  });

  it('keeps the rollups exact when a status arrives before the echo of the same message', async () => {
    await postWebhook(
      testApp,
      status('wamid.echoed-late', PERU, 'delivered', '2026-08-26T10:00:05Z'),
    );
    await postWebhook(testApp, echo('wamid.echoed-late', PERU, '2026-08-26T10:00:00Z'));
    expect((await charge(testApp, 'wamid.echoed-late')).charge).toMatchObject({
      reason: 'FREE_BUSINESS_APP',
      amount: '0',
    });
    const sums = await rollupsAndMessageSums(testApp);
    expect(sums.staleOrigins).toBe(0);
    expect(sums.fromRollups).toEqual(sums.fromMessages);
  });

  it('re-rates a message delivered days after it was sent in its delivery month', async () => {
    await testApp.gql(
      RECORD,
      {
        input: [
          {
            wamid: 'wamid.offline-phone',
            phoneNumberId: PHONE,
            to: PERU,
            sentAt: '2026-08-24T10:00:00Z',
            templateName: 'promo',
            templateLanguage: 'en_US',
            templateCategory: 'MARKETING',
          },
        ],
      },
      testApp.keys.operator,
    );
    await postWebhook(
      testApp,
      status('wamid.offline-phone', PERU, 'delivered', '2026-09-02T08:00:00Z'),
    );
    await testApp.app
      .get(DataSource)
      .query(
        `UPDATE messages SET charge_explanation = 'stale', charge_fingerprint = NULL WHERE wamid = 'wamid.offline-phone'`,
      );
    await testApp.app.get(ChargingService).repriceRange({
      wabaIds: null,
      from: new Date('2026-09-01T00:00:00Z'),
      to: new Date('2026-10-01T00:00:00Z'),
    });
    const message = await testApp.gql<{
      message: { charge: { explanation: string; month: string; reason: string } };
    }>(`query { message(wamid: "wamid.offline-phone") { charge { explanation month reason } } }`);
    expect(message.data!.message.charge).toMatchObject({ month: '2026-09', reason: 'BILLED' });
    expect(message.data!.message.charge.explanation).not.toBe('stale');
  });

  it('keeps volume-tier places shared by the WABAs of a portfolio when one of them is edited', async () => {
    const upsert = async (query: string, input: Record<string, unknown>) => {
      const result = await testApp.gql(query, { input }, testApp.keys.operator);
      expect(result.errors).toBeUndefined();
      await testApp.settle();
    };
    await upsert(`mutation($input: WabaInput!) { upsertWaba(input: $input) { wabaId } }`, {
      wabaId: 'waba-b',
      portfolioId: WABA,
    });
    await upsert(
      `mutation($input: PhoneNumberInput!) { upsertPhoneNumber(input: $input) { phoneNumberId } }`,
      {
        phoneNumberId: 'phone-b',
        wabaId: 'waba-b',
      },
    );
    await upsert(
      `mutation($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`,
      {
        name: 'Tiered USD 2026-11',
        currency: 'USD',
        effectiveFrom: '2026-11-01',
        ratesCsv:
          'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service\nPeru,$US,0.0703,0.0200,0.0200,n/a,0.0200\n',
        volumeTiersCsv: [
          'Market,Currency,Utility,,,,,Authentication,,,,,Authentication-International,,,,',
          'Peru,USD,0,2,List,0.02,--,n/a,,,,,n/a,,,,',
          ',,3,--,Tier,0.015,-25%,,,,,,,,,,',
        ].join('\n'),
      },
    );
    const sendFrom = async (phone: string, wamid: string, at: string) => {
      await testApp.gql(
        RECORD,
        {
          input: [
            {
              wamid,
              phoneNumberId: phone,
              to: PERU,
              sentAt: at,
              templateName: 'order_update',
              templateCategory: 'UTILITY',
            },
          ],
        },
        testApp.keys.operator,
      );
      const body = status(
        wamid,
        PERU,
        'delivered',
        new Date(Date.parse(at) + 1000).toISOString(),
      ) as {
        entry: { id: string; changes: { value: { metadata: { phone_number_id: string } } }[] }[];
      };
      body.entry[0].id = phone === PHONE ? WABA : 'waba-b';
      body.entry[0].changes[0].value.metadata.phone_number_id = phone;
      await postWebhook(testApp, body);
    };
    await sendFrom('phone-b', 'wamid.tier.b1', '2026-11-03T10:00:00Z');
    await sendFrom('phone-b', 'wamid.tier.b2', '2026-11-04T10:00:00Z');
    await sendFrom(PHONE, 'wamid.tier.a1', '2026-11-05T10:00:00Z');
    await sendFrom(PHONE, 'wamid.tier.a2', '2026-11-06T10:00:00Z');
    const tiers = async () =>
      Promise.all(
        ['b1', 'b2', 'a1', 'a2'].map(async (name) => {
          const { charge: result } = await charge(testApp, `wamid.tier.${name}`);
          return `${name} ${result.tier} ${result.amount}`;
        }),
      );
    const expected = ['b1 0:2 0.02', 'b2 0:2 0.02', 'a1 3:MAX 0.015', 'a2 3:MAX 0.015'];
    expect(await tiers()).toEqual(expected);
    // Editing WABA A re-rates it; its places stay after B's in the shared counter.
    await upsert(`mutation($input: WabaInput!) { upsertWaba(input: $input) { wabaId } }`, {
      wabaId: WABA,
      freeServiceAllowance: 500,
    });
    expect(await tiers()).toEqual(expected);
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
