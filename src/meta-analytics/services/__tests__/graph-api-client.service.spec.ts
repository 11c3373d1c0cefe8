import { loadAppConfig } from '../../../config/app-config';
import { MetaGraphError, MetaTokenRejectedError } from '../../errors/meta-graph.error';
import { JsonNumber, type ExactJsonObject } from '../../utils/parse-exact-json.util';
import { readPricingAnalyticsPage } from '../../utils/read-pricing-analytics-page.util';
import { GraphApiClient } from '../graph-api-client.service';
import {
  dataPoint,
  graphError,
  pricingAnalyticsAnswer,
  pricingAnalyticsPage,
  startGraphApiStub,
  type GraphApiStub,
} from '../../../../test/utils/graph-api-stub.util';

const WABA = '102290129340398';
const TOKEN = 'EAAJB-test-token-123';

describe(GraphApiClient.name, () => {
  let stub: GraphApiStub;
  let client: GraphApiClient;
  let waits: number[];

  beforeAll(async () => {
    stub = await startGraphApiStub();
  });
  afterAll(async () => {
    await stub.close();
  });
  beforeEach(() => {
    stub.requests.length = 0;
    client = new GraphApiClient(
      loadAppConfig({
        META_GRAPH_API_URL: stub.baseUrl,
        META_GRAPH_MAX_ATTEMPTS: '4',
        META_GRAPH_RETRY_BASE_MS: '100',
      }),
    );
    waits = [];
    client.sleep = (ms) => {
      waits.push(ms);
      return Promise.resolve();
    };
  });

  it('asks for DAILY pricing_analytics with every dimension, the token as a bearer header', async () => {
    stub.answer({ body: pricingAnalyticsAnswer(WABA, []) });
    await client.getJson(client.pricingAnalyticsUrl(WABA, 1748761200, 1749687703), TOKEN);
    expect(stub.requests).toHaveLength(1);
    const [request] = stub.requests;
    expect(request.path).toBe(`/v24.0/${WABA}`);
    expect(request.query.get('fields')).toBe(
      'pricing_analytics.start(1748761200).end(1749687703).granularity(DAILY).dimensions(COUNTRY,PHONE,PRICING_CATEGORY,PRICING_TYPE,TIER)',
    );
    expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.query.has('access_token')).toBe(false);
  });

  it('follows paging.next page by page, keeping costs exact', async () => {
    const page2 = `${stub.baseUrl}/${WABA}?fields=pricing_analytics&after=a2`;
    stub.answer(
      {
        body: pricingAnalyticsAnswer(
          WABA,
          [
            dataPoint({
              start: 1749106800,
              country: 'IN',
              tier: '0:750000',
              pricingType: 'REGULAR',
              pricingCategory: 'AUTHENTICATION_INTERNATIONAL',
              volume: 2,
              cost: 4.6,
            }),
          ],
          page2,
        ),
      },
      {
        body: pricingAnalyticsPage([
          dataPoint({
            start: 1748761200,
            country: 'US',
            tier: '0:MAX',
            pricingType: 'REGULAR',
            pricingCategory: 'MARKETING',
            volume: 4,
            cost: 40,
          }),
        ]),
      },
    );
    const first = readPricingAnalyticsPage(
      await client.getJson(client.pricingAnalyticsUrl(WABA, 1, 2), TOKEN),
    );
    expect(first.next).toBe(page2);
    const second = readPricingAnalyticsPage(await client.getJson(first.next!, TOKEN));
    expect(second.next).toBeNull();
    expect(
      [...first.points, ...second.points].map((point) => [point.country, point.volume, point.cost]),
    ).toEqual([
      ['IN', 2, '4.6'],
      ['US', 4, '40'],
    ]);
    expect(stub.requests[1].query.get('after')).toBe('a2');
    expect(stub.requests[1].authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('retries HTTP 429 with backoff, honouring a longer Retry-After', async () => {
    stub.answer(
      { status: 429, headers: { 'retry-after': '1' }, body: graphError(80007, 'Rate limit hit') },
      { status: 429, body: graphError(80007, 'Rate limit hit') },
      { body: pricingAnalyticsAnswer(WABA, []) },
    );
    const json = (await client.getJson(
      client.pricingAnalyticsUrl(WABA, 1, 2),
      TOKEN,
    )) as ExactJsonObject;
    expect(json.id).toBe(WABA);
    expect(stub.requests).toHaveLength(3);
    expect(waits).toEqual([1000, 200]);
  });

  it("retries Meta's throttling codes answered with HTTP 400, and 5xx", async () => {
    stub.answer(
      {
        status: 400,
        body: graphError(4, 'Application request limit reached', { is_transient: true }),
      },
      { status: 503, body: 'Service Unavailable' },
      { status: 500, body: graphError(2, 'Service temporarily unavailable') },
      { body: pricingAnalyticsAnswer(WABA, []) },
    );
    await client.getJson(client.pricingAnalyticsUrl(WABA, 1, 2), TOKEN);
    expect(stub.requests).toHaveLength(4);
    expect(waits).toEqual([100, 200, 400]);
  });

  it('gives up after META_GRAPH_MAX_ATTEMPTS, saying why', async () => {
    stub.answer({ status: 503, body: graphError(131016, 'Service unavailable') });
    await expect(client.getJson(client.pricingAnalyticsUrl(WABA, 1, 2), TOKEN)).rejects.toThrow(
      'Graph API error (HTTP 503, code 131016): Service unavailable (gave up after 4 attempts)',
    );
    expect(stub.requests).toHaveLength(4);
  });

  it('fails at once, without retrying, when Meta refuses an expired token (code 190)', async () => {
    stub.answer({
      status: 401,
      body: graphError(
        190,
        'Error validating access token: Session has expired on Thursday, 01-Oct-26 00:00:00 PDT.',
        { error_subcode: 463 },
      ),
    });
    const failure = await client
      .getJson(client.pricingAnalyticsUrl(WABA, 1, 2), TOKEN)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MetaTokenRejectedError);
    expect(failure).toMatchObject({ code: 190, subcode: 463, httpStatus: 401 });
    expect((failure as Error).message).toBe(
      'Meta refused the access token: Error validating access token: Session has expired on Thursday, 01-Oct-26 00:00:00 PDT.',
    );
    expect(stub.requests).toHaveLength(1);
  });

  it('does not retry a bad request, and never repeats the token in an error', async () => {
    stub.answer({ status: 400, body: graphError(100, `Invalid parameter near ${TOKEN}`) });
    const failure = await client
      .getJson(client.pricingAnalyticsUrl(WABA, 1, 2), TOKEN)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MetaGraphError);
    expect((failure as Error).message).toBe(
      'Graph API error (HTTP 400, code 100): Invalid parameter near [redacted]',
    );
    expect(stub.requests).toHaveLength(1);
  });

  it('retries a connection that fails, then succeeds', async () => {
    let calls = 0;
    const real = globalThis.fetch;
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      calls += 1;
      return calls === 1 ? Promise.reject(new TypeError('fetch failed')) : real(input, init);
    });
    try {
      stub.answer({ body: pricingAnalyticsAnswer(WABA, []) });
      await client.getJson(client.pricingAnalyticsUrl(WABA, 1, 2), TOKEN);
      expect(calls).toBe(2);
      expect(waits).toEqual([100]);
    } finally {
      spy.mockRestore();
    }
  });

  it('never follows a paging.next URL to another host', async () => {
    await expect(
      client.getJson('https://elsewhere.example/v24.0/123?after=x', TOKEN),
    ).rejects.toThrow(
      'the Graph API answered with a paging.next URL on another host; not followed',
    );
    expect(stub.requests).toHaveLength(0);
  });

  it('keeps numbers as their JSON text', async () => {
    stub.answer({ body: '{"id":"1","cost":0.1000000000000000055511151231257827}' });
    const json = (await client.getJson(
      client.pricingAnalyticsUrl(WABA, 1, 2),
      TOKEN,
    )) as ExactJsonObject;
    expect(json.cost).toEqual(new JsonNumber('0.1000000000000000055511151231257827'));
  });
});
