import { DataSource } from 'typeorm';
import { RawEventEntity } from '../../src/ingestion/entities/raw-event.entity';
import { MetaAnalyticsPullEntity } from '../../src/meta-analytics/entities/meta-analytics-pull.entity';
import { NotificationDeliveryEntity } from '../../src/notifications/entities/notification-delivery.entity';
import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';
import { PHONE, postWebhook, status, WABA } from '../utils/webhook.util';

interface Connection {
  totalCount?: number;
  edges: { cursor: string; node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface PagedList {
  /** The query field, as error messages name it. */
  name: string;
  /** A query with $first and $after whose only field is the list, selecting `key` in node. */
  query: string;
  /** The node field that tells the rows apart. */
  key: string;
  /** The five rows seeded, in the order the list gives them. */
  expected: () => unknown[];
}

const FIVE = [1, 2, 3, 4, 5];
const MONTH = { from: '2026-08-01T00:00:00Z', to: '2026-09-01T00:00:00Z' };

describeEachDatabase('paged lists answered as connections', (kind) => {
  let testApp: TestApp;
  const rawEventIds: number[] = [];
  const deliveryIds: number[] = [];
  const pullIds: number[] = [];

  beforeAll(async () => {
    testApp = await createTestApp(kind);
    const dataSource = testApp.app.get(DataSource);
    for (const n of FIVE) {
      const event = await dataSource.getRepository(RawEventEntity).save({
        receivedAt: new Date(`2026-08-0${n}T10:00:00Z`),
        source: 'webhook' as const,
        bodySha256: String(n).repeat(64),
        body: `{"body":${n}}`,
        processedAt: null,
        attempts: 16,
        lastError: `error ${n}`,
        nextAttemptAt: null,
        setAsideAt: new Date(`2026-08-0${n}T16:00:00Z`),
        discardedAt: null,
        discardedBy: null,
        discardReason: null,
      });
      rawEventIds.push(event.id);
      const delivery = await dataSource.getRepository(NotificationDeliveryEntity).save({
        eventKey: `budget:${n}`,
        eventType: 'budget.threshold',
        channel: 'WEBHOOK',
        payload: '{}',
        status: n % 2 === 0 ? 'DELIVERED' : 'FAILED',
        attempts: 1,
        nextAttemptAt: new Date('2026-08-01T00:00:00Z'),
        leaseUntil: null,
        lastStatusCode: n % 2 === 0 ? 200 : 500,
        lastError: null,
        createdAt: new Date(`2026-08-0${n}T12:00:00Z`),
        deliveredAt: null,
      });
      deliveryIds.push(delivery.id);
      const pull = await dataSource.getRepository(MetaAnalyticsPullEntity).save({
        wabaId: WABA,
        kind: 'FILE',
        period: `file-${n}`,
        rangeStart: new Date(`2026-08-0${n}T00:00:00Z`),
        rangeEnd: new Date(`2026-08-0${n + 1}T00:00:00Z`),
        status: 'DONE',
        pages: 1,
        dataPoints: n,
        error: null,
        startedAt: new Date(`2026-08-0${n}T12:00:00Z`),
        finishedAt: new Date(`2026-08-0${n}T12:00:01Z`),
      });
      pullIds.push(pull.id);
    }
    // Five marketing templates Meta reported free: each a META_FREE_ESTIMATE_BILLED disagreement.
    const recorded = await testApp.gql(
      `mutation ($input: [SentMessageInput!]!) { recordSentMessages(input: $input) { accepted } }`,
      {
        input: FIVE.map((n) => ({
          wamid: `wamid.connection-${n}`,
          phoneNumberId: PHONE,
          to: `1650555000${n}`,
          sentAt: `2026-08-0${n}T09:00:00Z`,
          templateName: 'summer_sale',
          templateCategory: 'MARKETING',
        })),
      },
    );
    expect(recorded.errors).toBeUndefined();
    for (const n of FIVE) {
      await postWebhook(
        testApp,
        status(`wamid.connection-${n}`, `1650555000${n}`, 'delivered', `2026-08-0${n}T09:00:05Z`, {
          billable: false,
          pricing_model: 'PMP',
          category: 'marketing',
          type: 'free_customer_service',
        }),
      );
    }
    await testApp.settle();
  });
  afterAll(async () => {
    await testApp.close();
  });

  const lists: PagedList[] = [
    {
      name: 'setAsideEvents',
      query: `query ($first: Int, $after: String) { list: setAsideEvents(first: $first, after: $after) {
        totalCount edges { cursor node { id lastError } } pageInfo { hasNextPage endCursor } } }`,
      key: 'lastError',
      expected: () => FIVE.map((n) => `error ${n}`),
    },
    {
      name: 'notificationDeliveries',
      query: `query ($first: Int, $after: String) { list: notificationDeliveries(first: $first, after: $after) {
        totalCount edges { cursor node { eventKey eventType channel status } } pageInfo { hasNextPage endCursor } } }`,
      key: 'eventKey',
      expected: () => [...FIVE].reverse().map((n) => `budget:${n}`),
    },
    {
      name: 'metaAnalyticsPulls',
      query: `query ($first: Int, $after: String) { list: metaAnalyticsPulls(first: $first, after: $after) {
        totalCount edges { cursor node { period kind status } } pageInfo { hasNextPage endCursor } } }`,
      key: 'period',
      expected: () => [...FIVE].reverse().map((n) => `file-${n}`),
    },
    {
      name: 'reconciliation',
      query: `query ($first: Int, $after: String) { list: reconciliation(input: { from: "${MONTH.from}", to: "${MONTH.to}" }, first: $first, after: $after) {
        totalCount groups { kind messages } edges { cursor node { wamid kind } } pageInfo { hasNextPage endCursor } } }`,
      key: 'wamid',
      expected: () => FIVE.map((n) => `wamid.connection-${n}`),
    },
  ];

  async function page(list: PagedList, first: number, after: string | null): Promise<Connection> {
    const answer = await testApp.gql<{ list: Connection }>(
      list.query,
      { first, after },
      testApp.keys.operator,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.list;
  }

  describe.each(lists)('$name', (list) => {
    it('pages through every row: the first page, endCursor to the next, the last without a next page', async () => {
      const first = await page(list, 2, null);
      expect(first.totalCount).toBe(5);
      expect(first.edges).toHaveLength(2);
      expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
      const second = await page(list, 2, first.pageInfo.endCursor);
      expect(second.edges).toHaveLength(2);
      expect(second.pageInfo.hasNextPage).toBe(true);
      const last = await page(list, 2, second.pageInfo.endCursor);
      expect(last.edges).toHaveLength(1);
      expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: last.edges[0].cursor });
      const rows = [...first.edges, ...second.edges, ...last.edges].map(
        (edge) => edge.node[list.key],
      );
      expect(rows).toEqual(list.expected());
      // An edge's cursor continues after that edge, as endCursor does.
      const fromEdge = await page(list, 5, first.edges[0].cursor);
      expect(fromEdge.edges.map((edge) => edge.node[list.key])).toEqual(list.expected().slice(1));
      expect(fromEdge.pageInfo.hasNextPage).toBe(false);
      const whole = await page(list, 200, null);
      expect(whole.edges).toHaveLength(5);
      expect(whole.pageInfo.hasNextPage).toBe(false);
    });

    it('refuses a cursor it did not give, and a first outside 1..200, as BAD_USER_INPUT', async () => {
      const messagesCursor = Buffer.from('message:1').toString('base64url');
      for (const after of ['not-a-cursor', messagesCursor, '']) {
        const refused = await testApp.gql(list.query, { first: 2, after }, testApp.keys.operator);
        expect(refused.errors?.[0]).toMatchObject({
          message: `after must be an endCursor or edge cursor returned by ${list.name}; got ${JSON.stringify(after)}`,
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
      for (const first of [0, 201]) {
        const refused = await testApp.gql(
          list.query,
          { first, after: null },
          testApp.keys.operator,
        );
        expect(refused.errors?.[0]).toMatchObject({
          message: 'first must be between 1 and 200',
          extensions: { code: 'BAD_USER_INPUT' },
        });
      }
    });
  });

  it('spells the rows of every list with the API enums', async () => {
    const deliveries = await page(lists[1], 1, null);
    expect(deliveries.edges[0].node).toEqual({
      eventKey: 'budget:5',
      eventType: 'BUDGET_THRESHOLD',
      channel: 'WEBHOOK',
      status: 'FAILED',
    });
    const pulls = await page(lists[2], 1, null);
    expect(pulls.edges[0].node).toEqual({ period: 'file-5', kind: 'FILE', status: 'DONE' });
    const reconciliation = await testApp.gql<{ list: Connection & { groups: unknown[] } }>(
      lists[3].query,
      { first: 1 },
    );
    expect(reconciliation.data!.list.groups).toEqual([
      { kind: 'META_FREE_ESTIMATE_BILLED', messages: 5 },
    ]);
    expect(reconciliation.data!.list.edges[0].node).toEqual({
      wamid: 'wamid.connection-1',
      kind: 'META_FREE_ESTIMATE_BILLED',
    });
  });

  it('filters notification deliveries by status, counting only those', async () => {
    const failed = await testApp.gql<{ notificationDeliveries: Connection }>(
      `{ notificationDeliveries(status: FAILED) { totalCount edges { node { eventKey } } } }`,
      {},
      testApp.keys.operator,
    );
    expect(failed.data!.notificationDeliveries.totalCount).toBe(3);
    expect(failed.data!.notificationDeliveries.edges.map((edge) => edge.node.eventKey)).toEqual([
      'budget:5',
      'budget:3',
      'budget:1',
    ]);
  });
});
