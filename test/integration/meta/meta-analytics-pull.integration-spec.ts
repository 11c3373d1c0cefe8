import { DataSource } from 'typeorm';
import { MetaAnalyticsService } from '../../../src/meta-analytics/services/meta-analytics.service';
import {
  dataPoint,
  graphError,
  pricingAnalyticsAnswer,
  pricingAnalyticsPage,
  startGraphApiStub,
  type GraphApiStub,
} from '../../utils/graph-api-stub.util';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';

const WABA = '201000000000001';
const TOKEN = 'EAAJB-pull-test-token-do-not-leak';
const UPSERT = `mutation($input: WabaInput!) { upsertWaba(input: $input) { wabaId hasAccessToken accessTokenStatus accessTokenError } }`;
const PULL = `mutation($input: PullMetaAnalyticsInput!) { pullMetaAnalytics(input: $input) { wabaId kind status pages dataPoints error } }`;
const WABAS = `{ wabas { wabaId hasAccessToken accessTokenStatus accessTokenError } }`;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;

describeEachDatabase("Meta's pricing_analytics pulled from the Graph API", (kind) => {
  let stub: GraphApiStub;
  let testApp: TestApp;

  const storedPoints = async () =>
    (await testApp.app
      .get(DataSource)
      .query(
        'SELECT country, pricing_category, pricing_type, tier, volume, cost, source FROM meta_pricing_analytics ORDER BY bucket_start, country, pricing_category',
      )) as Record<string, unknown>[];

  beforeAll(async () => {
    stub = await startGraphApiStub();
    testApp = await createTestApp(kind, {
      tokenEncryptionKey: Buffer.alloc(32, 3),
      metaGraphApiUrl: stub.baseUrl,
      metaGraphRetryBaseMs: 1,
      runScheduler: false,
    });
  });
  afterAll(async () => {
    await testApp.close();
    await stub.close();
  });

  it('stores the token encrypted and never returns it', async () => {
    const response = await testApp
      .http()
      .post('/graphql')
      .set('Authorization', `Bearer ${testApp.keys.operator}`)
      .send({
        query: UPSERT,
        variables: { input: { wabaId: WABA, timezone: 'UTC', accessToken: TOKEN } },
      });
    expect(response.text).not.toContain(TOKEN);
    expect(response.body.data.upsertWaba).toEqual({
      wabaId: WABA,
      hasAccessToken: true,
      accessTokenStatus: 'ACTIVE',
      accessTokenError: null,
    });
    const [row] = await testApp.app
      .get(DataSource)
      .query(`SELECT access_token_ciphertext FROM wabas WHERE waba_id = '${WABA}'`);
    expect(row.access_token_ciphertext).toMatch(/^v1:/);
    expect(row.access_token_ciphertext).not.toContain(TOKEN);
  });

  it('pulls every page, then the same range again into the same rows, with the latest figures', async () => {
    const next = `${stub.baseUrl}/${WABA}?fields=pricing_analytics&after=page2`;
    stub.answer(
      {
        body: pricingAnalyticsAnswer(
          WABA,
          [
            dataPoint({
              start: day('2026-03-02'),
              country: 'BR',
              tier: '0:MAX',
              pricingType: 'REGULAR',
              pricingCategory: 'MARKETING',
              volume: 3,
              cost: 0.19,
            }),
          ],
          next,
        ),
      },
      {
        body: pricingAnalyticsPage([
          dataPoint({
            start: day('2026-03-03'),
            country: 'US',
            pricingType: 'FREE_CUSTOMER_SERVICE',
            pricingCategory: 'SERVICE',
            volume: 2,
            cost: 0,
          }),
        ]),
      },
    );
    const input = { wabaId: WABA, from: '2026-03-01T00:00:00Z', to: '2026-03-10T00:00:00Z' };
    const first = await testApp.gql(PULL, { input }, testApp.keys.operator);
    expect(first).toEqual({
      data: {
        pullMetaAnalytics: {
          wabaId: WABA,
          kind: 'MANUAL',
          status: 'DONE',
          pages: 2,
          dataPoints: 2,
          error: null,
        },
      },
    });
    expect(stub.requests.map((request) => request.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
    expect(stub.requests[0].query.get('fields')).toBe(
      `pricing_analytics.start(${day('2026-03-01')}).end(${day('2026-03-10')}).granularity(DAILY).dimensions(COUNTRY,PHONE,PRICING_CATEGORY,PRICING_TYPE,TIER)`,
    );
    expect(await storedPoints()).toEqual([
      {
        country: 'BR',
        pricing_category: 'MARKETING',
        pricing_type: 'REGULAR',
        tier: '0:MAX',
        volume: 3,
        cost: '0.19',
        source: 'API',
      },
      {
        country: 'US',
        pricing_category: 'SERVICE',
        pricing_type: 'FREE_CUSTOMER_SERVICE',
        tier: '',
        volume: 2,
        cost: '0',
        source: 'API',
      },
    ]);

    // Meta's figures settle: the same day pulled again is the same row, with the new figures;
    // a key Meta no longer reports for the range is gone.
    stub.answer({
      body: pricingAnalyticsAnswer(WABA, [
        dataPoint({
          start: day('2026-03-02'),
          country: 'BR',
          tier: '0:MAX',
          pricingType: 'REGULAR',
          pricingCategory: 'MARKETING',
          volume: 4,
          cost: 0.25,
        }),
      ]),
    });
    const second = await testApp.gql(PULL, { input }, testApp.keys.operator);
    expect(second.errors).toBeUndefined();
    expect(await storedPoints()).toEqual([
      {
        country: 'BR',
        pricing_category: 'MARKETING',
        pricing_type: 'REGULAR',
        tier: '0:MAX',
        volume: 4,
        cost: '0.25',
        source: 'API',
      },
    ]);
  });

  it('claims the daily pull once, however many ticks ask for it', async () => {
    stub.requests.length = 0;
    stub.answer({ body: pricingAnalyticsAnswer(WABA, []) });
    const analytics = testApp.app.get(MetaAnalyticsService);
    const now = new Date('2026-03-20T06:00:00Z');
    const runs = await Promise.all([analytics.pullRecentDays(now), analytics.pullRecentDays(now)]);
    expect(runs.flat().map((pull) => [pull.kind, pull.period, pull.status])).toEqual([
      ['DAILY', '2026-03-20', 'DONE'],
    ]);
    expect(stub.requests).toHaveLength(1);
    // The last 3 days and today, from a day before the first local midnight, to now.
    expect(stub.requests[0].query.get('fields')).toContain(
      `.start(${day('2026-03-16')}).end(${Date.parse('2026-03-20T06:00:00Z') / 1000})`,
    );
    expect(await analytics.pullRecentDays(now)).toEqual([]);
  });

  it('marks a token Meta refuses as REJECTED, says why, and stops pulling with it', async () => {
    stub.requests.length = 0;
    stub.answer({
      status: 401,
      body: graphError(190, 'Error validating access token: Session has expired.', {
        error_subcode: 463,
      }),
    });
    const result = await testApp.gql(
      PULL,
      { input: { wabaId: WABA, from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' } },
      testApp.keys.operator,
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'Meta refused the access token: Error validating access token: Session has expired.',
      extensions: { code: 'UPSTREAM_ERROR' },
    });
    expect(stub.requests).toHaveLength(1);
    const wabas = await testApp.gql<{ wabas: Record<string, unknown>[] }>(
      WABAS,
      {},
      testApp.keys.finance,
    );
    expect(wabas.data!.wabas.find((waba) => waba.wabaId === WABA)).toEqual({
      wabaId: WABA,
      hasAccessToken: true,
      accessTokenStatus: 'REJECTED',
      accessTokenError:
        'Meta refused the access token: Error validating access token: Session has expired.',
    });
    expect(
      await testApp.app.get(MetaAnalyticsService).pullRecentDays(new Date('2026-03-21T06:00:00Z')),
    ).toEqual([]);
    expect(stub.requests).toHaveLength(1);
  });

  it('removes the token with null', async () => {
    const result = await testApp.gql(
      UPSERT,
      { input: { wabaId: WABA, accessToken: null } },
      testApp.keys.operator,
    );
    expect(result.data).toEqual({
      upsertWaba: {
        wabaId: WABA,
        hasAccessToken: false,
        accessTokenStatus: null,
        accessTokenError: null,
      },
    });
  });
});

describeEachDatabase('A server without TOKEN_ENCRYPTION_KEY', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind, { runScheduler: false });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('starts, edits WABAs, and refuses to store a token with a clear error', async () => {
    const plain = await testApp.gql(
      UPSERT,
      { input: { wabaId: WABA, timezone: 'UTC' } },
      testApp.keys.operator,
    );
    expect(plain.errors).toBeUndefined();
    const refused = await testApp.gql(
      UPSERT,
      { input: { wabaId: WABA, accessToken: TOKEN } },
      testApp.keys.operator,
    );
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'this server cannot store access tokens: set TOKEN_ENCRYPTION_KEY (32 bytes, hex or base64) and restart',
      extensions: { code: 'NOT_CONFIGURED' },
    });
    expect(JSON.stringify(refused)).not.toContain(TOKEN);
  });
});
