import { loadWebhookFixture } from '../fixtures/webhooks/load-webhook-fixture.util';
import { rollupsAndMessageSums } from '../utils/rollups.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { postWebhook } from '../utils/webhook.util';

/**
 * Meta's own example bodies for usernames (business-scoped user ids) and Groups API messages,
 * replayed through the webhook as Meta sends them, then moved to a month this estimator prices.
 */

const MESSAGES_QUERY = `query($filter: MessageFilter) { messages(filter: $filter, first: 50) { edges { node {
  wamid contact contactUserId contactCountry groupId participant direction status
  charge { billable reason pricingCategory market country rate amount source explanation }
} } } }`;

const PABLO_PHONE = '16505551234';
const PABLO = 'user.9373795779eb6441c8adb2eaee5b848e7dd174ddd302d7db62142f4722d574b6';
const PABLO_WAMID = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=';
const GROUP = 'HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA';
const GROUP_WAMID = 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJHUk9VUE1BUktFVElORzAxAA==';

/** A USD card of our own for November 2026, so that amounts do not depend on the built-in data. */
const NOVEMBER_CARD = [
  'Market,Currency,Marketing,Utility,Authentication,Authentication-International,Service',
  'North America,$US,0.0250,0.0034,0.0034,n/a,0.0034',
  'United Kingdom,$US,0.0635,0.0220,0.0220,n/a,0.0220',
].join('\n');

type Node = Record<string, any> & { charge: Record<string, any> };

/** A fixture as text with its wamids suffixed and its timestamps moved by `shiftSeconds`. */
function moved(name: string, suffix: string, shiftSeconds: number): unknown {
  const text = JSON.stringify(loadWebhookFixture(name))
    .replace(/"(wamid\.[^"]+)"/g, `"$1${suffix}"`)
    .replace(/"timestamp":"(\d+)"/g, (_match, seconds: string) => {
      return `"timestamp":"${Number(seconds) + shiftSeconds}"`;
    });
  return JSON.parse(text);
}

/** Seconds from Meta's example instants to November 2026. */
const TO_NOVEMBER_2026 = Math.floor(Date.parse('2026-11-02T10:00:00Z') / 1000) - 1750030073;

describeEachDatabase('usernames and groups: Meta example bodies through the webhook', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    const imported = await testApp.gql(
      `mutation($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`,
      {
        input: {
          name: 'Test USD November 2026',
          currency: 'USD',
          effectiveFrom: '2026-11-01',
          ratesCsv: NOVEMBER_CARD,
        },
      },
    );
    expect(imported.errors).toBeUndefined();
    await testApp.settle();
  });
  afterAll(async () => {
    await testApp.close();
  });

  const messages = async (filter: Record<string, unknown>): Promise<Node[]> => {
    const result = await testApp.gql<{ messages: { edges: { node: Node }[] } }>(MESSAGES_QUERY, {
      filter,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.messages.edges.map((edge) => edge.node);
  };

  it("stores Meta's inbound message from a user with a username and no phone number", async () => {
    await postWebhook(testApp, loadWebhookFixture('username-inbound-no-phone.json'));
    const [node] = await messages({ contact: 'user.93737...' });
    expect(node).toMatchObject({
      wamid: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      contact: 'user.93737...',
      contactUserId: 'user.93737...',
      contactCountry: 'US',
      direction: 'INBOUND',
      charge: { reason: 'FREE_INBOUND', amount: '0' },
    });
  });

  it("Meta's two delivered statuses for one message (to the BSUID, then to the phone number) end with one contact and market", async () => {
    await postWebhook(testApp, loadWebhookFixture('username-status-delivered-to-bsuid.json'));
    const [first] = await messages({ contact: PABLO });
    expect(first).toMatchObject({ contact: PABLO, contactCountry: 'US' });
    expect(first.charge).toMatchObject({ market: 'North America', country: 'US' });

    await postWebhook(testApp, loadWebhookFixture('username-status-delivered-to-phone.json'));
    const byUserId = await messages({ contact: PABLO });
    const byPhone = await messages({ contact: `+${PABLO_PHONE}` });
    expect(byUserId).toHaveLength(1);
    expect(byPhone).toEqual(byUserId);
    expect(byPhone[0]).toMatchObject({
      wamid: PABLO_WAMID,
      contact: PABLO_PHONE,
      contactUserId: PABLO,
      contactCountry: 'US',
      status: 'DELIVERED',
    });
    // June 2025 is conversation-based pricing: Meta's verdict stands, the estimator has no rate.
    expect(byPhone[0].charge).toMatchObject({
      reason: 'NO_RATE',
      pricingCategory: 'MARKETING',
      market: 'North America',
      country: 'US',
      source: 'META',
    });
  });

  it('the same two statuses in the other order give the same contact, market and charge', async () => {
    const suffix = '.reversed';
    await postWebhook(
      testApp,
      moved('username-status-delivered-to-phone.json', suffix, TO_NOVEMBER_2026),
    );
    await postWebhook(
      testApp,
      moved('username-status-delivered-to-bsuid.json', suffix, TO_NOVEMBER_2026),
    );
    const forward = '.forward';
    await postWebhook(
      testApp,
      moved('username-status-delivered-to-bsuid.json', forward, TO_NOVEMBER_2026),
    );
    await postWebhook(
      testApp,
      moved('username-status-delivered-to-phone.json', forward, TO_NOVEMBER_2026),
    );
    const nodes = await messages({ contact: PABLO, from: '2026-11-01T00:00:00Z' });
    expect(nodes.map((node) => node.wamid).sort()).toEqual([
      `${PABLO_WAMID}${forward}`,
      `${PABLO_WAMID}${suffix}`,
    ]);
    for (const node of nodes) {
      expect(node).toMatchObject({ contact: PABLO_PHONE, contactUserId: PABLO });
      expect(node.charge).toMatchObject({
        reason: 'BILLED',
        pricingCategory: 'MARKETING',
        market: 'North America',
        rate: '0.025',
        amount: '0.025',
      });
    }
  });

  it('a user known only by the BSUID opens the window; the phone number learnt later joins the conversation', async () => {
    const userId = 'US.13491208655302741918';
    const inboundAt = Math.floor(Date.parse('2026-11-03T09:00:00Z') / 1000);
    const envelope = (value: Record<string, unknown>) => ({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: {
                  display_phone_number: '15550783881',
                  phone_number_id: '106540352242922',
                },
                ...value,
              },
            },
          ],
        },
      ],
    });
    await postWebhook(
      testApp,
      envelope({
        contacts: [{ profile: { name: 'Ann', country_code: 'GB' }, wa_id: '', user_id: userId }],
        messages: [
          {
            from: '',
            from_user_id: userId,
            id: 'wamid.USERNAME.IN',
            timestamp: String(inboundAt),
            type: 'text',
            text: { body: 'hello' },
          },
        ],
      }),
    );
    // The reply, sent to the phone number; its status names both identities.
    await postWebhook(
      testApp,
      envelope({
        contacts: [
          { profile: { name: 'Ann', country_code: 'GB' }, wa_id: '447700900123', user_id: userId },
        ],
        statuses: [
          {
            id: 'wamid.USERNAME.REPLY',
            status: 'delivered',
            timestamp: String(inboundAt + 600),
            recipient_id: '447700900123',
          },
        ],
      }),
    );
    const nodes = await messages({ contact: userId });
    expect(nodes.map((node) => [node.wamid, node.contact])).toEqual([
      ['wamid.USERNAME.IN', '447700900123'],
      ['wamid.USERNAME.REPLY', '447700900123'],
    ]);
    const reply = nodes.find((node) => node.wamid === 'wamid.USERNAME.REPLY')!;
    // A non-template reply inside the window the customer's message opened: the free tier.
    expect(reply.charge).toMatchObject({
      reason: 'FREE_TIER',
      pricingCategory: 'SERVICE',
      market: 'United Kingdom',
      amount: '0',
    });
  });

  it("Meta's group message and aggregated group status: one delivery per participant, a replay adds none", async () => {
    await postWebhook(testApp, loadWebhookFixture('group-inbound-text.json'));
    await postWebhook(testApp, loadWebhookFixture('group-status-sent.json'));
    const delivered = loadWebhookFixture('group-status-delivered-aggregated.json');
    await postWebhook(testApp, delivered);
    await postWebhook(testApp, delivered);
    const nodes = await messages({ groupId: GROUP });
    const inbound = nodes.filter((node) => node.direction === 'INBOUND');
    const deliveries = nodes.filter((node) => node.direction === 'OUTBOUND');
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ contact: GROUP, participant: PABLO_PHONE });
    expect(deliveries.map((node) => [node.wamid, node.participant]).sort()).toEqual([
      [`${GROUP_WAMID}~16505551234`, '16505551234'],
      [`${GROUP_WAMID}~447700900123`, '447700900123'],
    ]);
    // April 2025 is conversation-based pricing: billable per Meta, no rate to estimate with.
    for (const node of deliveries) {
      expect(node.charge).toMatchObject({
        billable: true,
        reason: 'NO_RATE',
        pricingCategory: 'GROUP_MARKETING',
        source: 'META',
      });
    }
    expect(deliveries.map((node) => node.charge.market).sort()).toEqual([
      'North America',
      'United Kingdom',
    ]);
  });

  it('the same group bodies in November 2026: two charges at the participants’ own marketing rates', async () => {
    const shift = Math.floor(Date.parse('2026-11-04T10:00:00Z') / 1000) - 1744345000;
    const delivered = moved('group-status-delivered-aggregated.json', '.nov', shift);
    await postWebhook(testApp, delivered);
    await postWebhook(testApp, delivered);
    const nodes = (await messages({ groupId: GROUP, from: '2026-11-01T00:00:00Z' })).filter(
      (node) => node.direction === 'OUTBOUND',
    );
    expect(
      nodes.map((node) => [node.charge.market, node.charge.amount, node.charge.explanation]).sort(),
    ).toEqual([
      ['North America', '0.025', expect.stringMatching(/group_marketing/)],
      ['United Kingdom', '0.0635', expect.stringMatching(/group_marketing/)],
    ]);
    const statement = await testApp.gql<{
      monthlyStatement: { lines: { market: string; pricingCategory: string; quantity: number }[] };
    }>(
      `{ monthlyStatement(input: { month: "2026-11", wabaId: "102290129340398" }) { lines { market pricingCategory quantity } } }`,
    );
    expect(statement.errors).toBeUndefined();
    expect(
      statement.data!.monthlyStatement.lines.filter(
        (line) => line.pricingCategory === 'GROUP_MARKETING',
      ),
    ).toEqual([
      { market: 'North America', pricingCategory: 'GROUP_MARKETING', quantity: 1 },
      { market: 'United Kingdom', pricingCategory: 'GROUP_MARKETING', quantity: 1 },
    ]);
  });

  it('keeps the rollups equal to the sums of the messages', async () => {
    const { fromRollups, fromMessages } = await rollupsAndMessageSums(testApp);
    expect(fromRollups).toEqual(fromMessages);
  });
});
