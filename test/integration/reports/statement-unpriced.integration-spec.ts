import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { PHONE, postWebhook, status, WABA } from '../../utils/webhook.util';

/**
 * Unpriced messages reach the statement by market and category, end to end: sends recorded,
 * delivered by webhook, charged by the engine with a card that prices Brazil only, then read
 * through GraphQL. Also the names a statement prints, set with upsertWaba.
 */
const UPSERT_WABA = `mutation ($input: WabaInput!) { upsertWaba(input: $input) { wabaId name portfolioId } }`;
const RECORD = `mutation ($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { accepted rejected { index message } } }`;
const STATEMENT = `query ($input: StatementInput!) { monthlyStatement(input: $input) {
  number issuedAt wabaName portfolioName currency billedMessages exactTotal
  lines { market pricingCategory quantity amount }
  unpricedMessages unpriced { market pricingCategory quantity } unpricedUnclassifiedMessages
} }`;

const BRAZIL = '5511999990001';
const GERMANY = (index: number) => `491510000000${index}`;

describeEachDatabase('statement: unpriced messages and names over GraphQL', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('names the WABA and its portfolio, and refuses a name that is too long', async () => {
    const named = await testApp.gql(
      UPSERT_WABA,
      {
        input: {
          wabaId: WABA,
          name: '  ООО «Ромашка» Берлин ',
          portfolioId: 'pf-romashka',
          portfolioName: 'Ромашка Холдинг',
          timezone: 'Europe/Berlin',
        },
      },
      testApp.keys.operator,
    );
    expect(named).toEqual({
      data: {
        upsertWaba: { wabaId: WABA, name: 'ООО «Ромашка» Берлин', portfolioId: 'pf-romashka' },
      },
    });
    const listed = await testApp.gql(
      `{ wabas { wabaId name } portfolios { id name wabaIds } }`,
      {},
      testApp.keys.finance,
    );
    expect(listed.data).toEqual({
      wabas: [{ wabaId: WABA, name: 'ООО «Ромашка» Берлин' }],
      portfolios: [
        // the WABA's own portfolio, created with it before it moved
        { id: WABA, name: null, wabaIds: [] },
        { id: 'pf-romashka', name: 'Ромашка Холдинг', wabaIds: [WABA] },
      ],
    });
    const tooLong = await testApp.gql(
      UPSERT_WABA,
      { input: { wabaId: WABA, name: 'x'.repeat(201) } },
      testApp.keys.operator,
    );
    expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors?.[0].message).toBe(
      'input.name is 201 characters long; at most 200 are accepted',
    );
  });

  it('lists NO_RATE messages by market and category, and counts those of unknown category apart', async () => {
    const imported = await testApp.gql(
      `mutation ($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`,
      {
        input: {
          name: 'Brazil only USD 2026-03-01',
          currency: 'USD',
          effectiveFrom: '2026-03-01',
          ratesCsv: [
            'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
            'Brazil,$US,0.0625,0.0068,0.0068,n/a,0.0068',
          ].join('\n'),
        },
      },
      testApp.keys.operator,
    );
    expect(imported.errors).toBeUndefined();
    await testApp.settle();
    const phone = await testApp.gql(
      `mutation ($input: PhoneNumberInput!) { upsertPhoneNumber(input: $input) { phoneNumberId } }`,
      { input: { phoneNumberId: PHONE, wabaId: WABA } },
      testApp.keys.operator,
    );
    expect(phone.errors).toBeUndefined();
    const sends = [
      { wamid: 'wamid.br-1', to: BRAZIL, templateCategory: 'MARKETING' },
      { wamid: 'wamid.de-1', to: GERMANY(1), templateCategory: 'MARKETING' },
      { wamid: 'wamid.de-2', to: GERMANY(2), templateCategory: 'MARKETING' },
      { wamid: 'wamid.de-3', to: GERMANY(3), templateCategory: 'UTILITY' },
      // a template whose category was never recorded: NO_RATE without a pricing category
      { wamid: 'wamid.de-4', to: GERMANY(4), templateCategory: undefined },
    ];
    const recorded = await testApp.gql<{ recordSentMessages: { accepted: number } }>(
      RECORD,
      {
        input: sends.map((send, index) => ({
          wamid: send.wamid,
          phoneNumberId: PHONE,
          to: `+${send.to}`,
          sentAt: `2026-03-1${index}T10:00:00Z`,
          templateName: 'offer',
          templateLanguage: 'en',
          ...(send.templateCategory ? { templateCategory: send.templateCategory } : {}),
        })),
      },
      testApp.keys.operator,
    );
    expect(recorded.data?.recordSentMessages).toEqual({ accepted: 5, rejected: [] });
    for (const [index, send] of sends.entries()) {
      await postWebhook(
        testApp,
        status(send.wamid, send.to, 'delivered', `2026-03-1${index}T10:00:05Z`),
      );
    }

    const result = await testApp.gql<{ monthlyStatement: Record<string, unknown> }>(
      STATEMENT,
      { input: { month: '2026-03', wabaId: WABA } },
      testApp.keys.finance,
    );
    expect(result.errors).toBeUndefined();
    const statement = result.data!.monthlyStatement;
    expect(Date.parse(statement.issuedAt as string)).not.toBeNaN();
    expect({ ...statement, issuedAt: undefined }).toEqual({
      number: `ST-W-${WABA}-2026-03-USD`,
      issuedAt: undefined,
      wabaName: 'ООО «Ромашка» Берлин',
      portfolioName: 'Ромашка Холдинг',
      currency: 'USD',
      billedMessages: 1,
      exactTotal: '0.0625',
      lines: [{ market: 'Brazil', pricingCategory: 'MARKETING', quantity: 1, amount: '0.0625' }],
      unpricedMessages: 4,
      unpriced: [
        { market: 'Germany', pricingCategory: 'MARKETING', quantity: 2 },
        { market: 'Germany', pricingCategory: 'UTILITY', quantity: 1 },
      ],
      unpricedUnclassifiedMessages: 1,
    });
  });
});
