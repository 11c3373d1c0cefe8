import { rollupsAndMessageSums } from '../utils/rollups.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { inbound, PHONE, postWebhook, status } from '../utils/webhook.util';

/**
 * Meta's pricing-page example: marketing template at hour 0, customer reply at hour 2, text at
 * hour 3, utility template at hour 4, window closes at hour 26, utility template at hour 30.
 * Recipient in Peru (+51), priced with the built-in USD cards (2026-07-01 and 2026-10-01 rows).
 */
const CUSTOMER = '51987654321';

const RECORD = `mutation($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { accepted rejected { index message } } }`;
const MESSAGES = `query($filter: MessageFilter) { messages(filter: $filter, first: 50) { edges { node {
  wamid charge { billable reason pricingCategory market rate amount tier source }
} } } }`;

function hour(start: string, hours: number): string {
  return new Date(Date.parse(start) + hours * 3_600_000).toISOString();
}

async function playExample(testApp: TestApp, prefix: string, start: string) {
  const sends = [
    {
      wamid: `${prefix}.marketing`,
      at: 0,
      templateName: 'summer_sale',
      templateCategory: 'MARKETING',
    },
    { wamid: `${prefix}.text`, at: 3 },
    {
      wamid: `${prefix}.utility-in-window`,
      at: 4,
      templateName: 'order_update',
      templateCategory: 'UTILITY',
    },
    {
      wamid: `${prefix}.utility-after-window`,
      at: 30,
      templateName: 'order_update',
      templateCategory: 'UTILITY',
    },
  ];
  // Statuses first for half of them: the send log and webhooks merge in any order.
  for (const send of sends.slice(0, 2)) {
    await postWebhook(
      testApp,
      status(send.wamid, CUSTOMER, 'delivered', hour(start, send.at + 0.01)),
    );
  }
  const recorded = await testApp.gql<{ recordSentMessages: { accepted: number } }>(
    RECORD,
    {
      input: sends.map((send) => ({
        wamid: send.wamid,
        phoneNumberId: PHONE,
        to: `+${CUSTOMER}`,
        sentAt: hour(start, send.at),
        ...(send.templateName
          ? {
              templateName: send.templateName,
              templateLanguage: 'es_PE',
              templateCategory: send.templateCategory,
            }
          : {}),
      })),
    },
    testApp.keys.operator,
  );
  expect(recorded.data?.recordSentMessages.accepted).toBe(4);
  await postWebhook(testApp, inbound(`${prefix}.reply`, CUSTOMER, hour(start, 2)));
  for (const send of sends.slice(2)) {
    await postWebhook(testApp, status(send.wamid, CUSTOMER, 'sent', hour(start, send.at)));
    await postWebhook(testApp, status(send.wamid, CUSTOMER, 'read', hour(start, send.at + 0.02)));
  }
  const result = await testApp.gql<{
    messages: { edges: { node: { wamid: string; charge: Record<string, unknown> } }[] };
  }>(MESSAGES, { filter: { contact: CUSTOMER, from: start, to: hour(start, 48) } });
  return Object.fromEntries(
    result.data!.messages.edges.map(({ node }) => [
      node.wamid.slice(prefix.length + 1),
      node.charge,
    ]),
  );
}

describeEachDatabase("Meta's worked example through webhooks and the send log", (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('gives two charges in August 2026 (in-window text and utility free)', async () => {
    const charges = await playExample(testApp, 'wamid.aug', '2026-08-10T12:00:00Z');
    expect(charges).toEqual({
      marketing: {
        billable: true,
        reason: 'BILLED',
        pricingCategory: 'MARKETING',
        market: 'Peru',
        rate: '0.0703',
        amount: '0.0703',
        tier: null,
        source: 'ESTIMATE',
      },
      reply: {
        billable: false,
        reason: 'FREE_INBOUND',
        pricingCategory: null,
        market: null,
        rate: null,
        amount: '0',
        tier: null,
        source: 'ESTIMATE',
      },
      text: {
        billable: false,
        reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
        pricingCategory: 'SERVICE',
        market: 'Peru',
        rate: null,
        amount: '0',
        tier: null,
        source: 'ESTIMATE',
      },
      'utility-in-window': {
        billable: false,
        reason: 'FREE_CUSTOMER_SERVICE_WINDOW',
        pricingCategory: 'UTILITY',
        market: 'Peru',
        rate: null,
        amount: '0',
        tier: null,
        source: 'ESTIMATE',
      },
      'utility-after-window': {
        billable: true,
        reason: 'BILLED',
        pricingCategory: 'UTILITY',
        market: 'Peru',
        rate: '0.02',
        amount: '0.02',
        tier: '0:MAX',
        source: 'ESTIMATE',
      },
    });
  });

  it('gives three charges in November 2026 (in-window utility billed, the text in the free tier)', async () => {
    const charges = await playExample(testApp, 'wamid.nov', '2026-11-10T12:00:00Z');
    expect(charges).toEqual({
      marketing: {
        billable: true,
        reason: 'BILLED',
        pricingCategory: 'MARKETING',
        market: 'Peru',
        rate: '0.0703',
        amount: '0.0703',
        tier: null,
        source: 'ESTIMATE',
      },
      reply: {
        billable: false,
        reason: 'FREE_INBOUND',
        pricingCategory: null,
        market: null,
        rate: null,
        amount: '0',
        tier: null,
        source: 'ESTIMATE',
      },
      text: {
        billable: false,
        reason: 'FREE_TIER',
        pricingCategory: 'SERVICE',
        market: 'Peru',
        rate: null,
        amount: '0',
        tier: null,
        source: 'ESTIMATE',
      },
      'utility-in-window': {
        billable: true,
        reason: 'BILLED',
        pricingCategory: 'UTILITY',
        market: 'Peru',
        rate: '0.03',
        amount: '0.03',
        tier: '0:MAX',
        source: 'ESTIMATE',
      },
      'utility-after-window': {
        billable: true,
        reason: 'BILLED',
        pricingCategory: 'UTILITY',
        market: 'Peru',
        rate: '0.03',
        amount: '0.03',
        tier: '0:MAX',
        source: 'ESTIMATE',
      },
    });
  });

  it('keeps the rollups equal to the message sums after both months', async () => {
    const { fromMessages, fromRollups } = await rollupsAndMessageSums(testApp);
    expect(fromRollups).toEqual(fromMessages);
  });
});
