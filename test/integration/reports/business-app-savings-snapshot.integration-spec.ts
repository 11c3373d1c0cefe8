import { writeInTheMiddleOfReads } from '../../utils/read-snapshot.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { echo, inbound, postWebhook, status, WABA } from '../../utils/webhook.util';

const US = '12126647665';
const SAVINGS = `{ businessAppSavings(input: { month: "2026-11", wabaId: "${WABA}" }) {
  messages billedMessages freeMessages unpricedMessages amount } }`;

type Savings = {
  messages: number;
  billedMessages: number;
  freeMessages: number;
  unpricedMessages: number;
  amount: string;
};

describeEachDatabase('Business app savings read beside charge batches', (kind) => {
  let testApp: TestApp;

  beforeEach(async () => {
    testApp = await createTestApp(kind);
    await postWebhook(testApp, echo('wamid.app-us-1', US, '2026-11-03T10:00:00Z'));
    await postWebhook(testApp, echo('wamid.app-us-2', US, '2026-11-04T10:00:00Z'));
    await postWebhook(testApp, inbound('wamid.in-us', US, '2026-11-02T08:00:00Z'));
    const upsert = await testApp.gql(
      `mutation { upsertWaba(input: { wabaId: "${WABA}", freeServiceAllowance: 1 }) { wabaId } }`,
    );
    expect(upsert.errors).toBeUndefined();
    await testApp.settle();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await testApp.close();
  });

  const savings = async (): Promise<Savings> => {
    const result = await testApp.gql<{ businessAppSavings: Savings }>(SAVINGS);
    expect(result.errors).toBeUndefined();
    return result.data!.businessAppSavings;
  };

  it('savings whose reading a service reply is charged in the middle of equal the ones before it', async () => {
    // Allowance 1: the first app message is free, the second a North America service reply.
    const before = await savings();
    expect(before).toEqual({
      messages: 2,
      billedMessages: 1,
      freeMessages: 1,
      unpricedMessages: 0,
      amount: '0.0034',
    });
    // The read stops after its first query until an API service reply has been charged: it
    // takes the allowance, which the app messages would otherwise have used.
    const reply = writeInTheMiddleOfReads(testApp.app, () =>
      postWebhook(
        testApp,
        status('wamid.reply-us', US, 'delivered', '2026-11-02T08:05:00Z', {
          billable: false,
          pricing_model: 'PMP',
          type: 'free_customer_service',
          category: 'service',
        }),
      ).then(() => testApp.settle()),
    );
    const during = await savings();
    expect(reply.ran()).toBe(true);
    jest.restoreAllMocks();
    expect(during).toEqual(before);
    expect(await savings()).toEqual({
      messages: 2,
      billedMessages: 2,
      freeMessages: 0,
      unpricedMessages: 0,
      amount: '0.0068',
    });
  });
});
