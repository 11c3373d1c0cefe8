import { DataSource } from 'typeorm';
import { MetaAnalyticsService } from '../../../src/meta-analytics/services/meta-analytics.service';
import { ExportRunnerService } from '../../../src/exports/services/export-runner.service';
import { money, toDecimalString } from '../../../src/pricing/money';
import { createTestApp, describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { WABA } from '../../utils/webhook.util';
import { metaAnalyticsFile, seedMetaMonth, TIMEZONE } from './meta-month.fixture';

const UPSERT = `mutation($input: WabaInput!) { upsertWaba(input: $input) { wabaId } }`;
const RECONCILE = `query($input: MetaReconciliationInput!) { metaReconciliation(input: $input) {
  month currency wabaIds metaVolume ourVolume metaCost ourCost
  lines { day wabaId country pricingCategory pricingType tier metaVolume ourVolume metaCost ourCost cause withinRounding explanation }
} }`;

type Line = Record<string, unknown>;

/** day, country, category, type, tier, Meta's volume, ours, Meta's cost, ours, cause */
const EXPECTED_LINES = [
  ['2026-03-01', 'BR', 'MARKETING', 'REGULAR', '0:MAX', 0, 1, '0', '0.0625', 'META_DATA_MISSING'],
  [
    '2026-03-02',
    'BR',
    'MARKETING',
    'REGULAR',
    '0:MAX',
    3,
    3,
    '0.19',
    '0.1875',
    'WITHIN_META_ROUNDING',
  ],
  ['2026-03-03', 'BR', 'MARKETING', 'REGULAR', '0:MAX', 0, 2, '0', '0.125', 'TIMEZONE_EDGE'],
  ['2026-03-04', 'BR', 'MARKETING', 'REGULAR', '0:MAX', 2, 0, '0.13', '0', 'TIMEZONE_EDGE'],
  ['2026-03-05', 'BR', 'UTILITY', 'REGULAR', '0:MAX', 4, 3, '0.03', '0.0204', 'MESSAGES_NOT_SEEN'],
  ['2026-03-06', 'BR', 'MARKETING', 'REGULAR', '0:MAX', 0, 1, '0', '0.0625', 'CATEGORY_DIFFERS'],
  ['2026-03-06', 'BR', 'UTILITY', 'REGULAR', '0:MAX', 1, 0, '0.01', '0', 'CATEGORY_DIFFERS'],
  ['2026-03-07', 'BR', 'MARKETING', 'REGULAR', '0:MAX', 0, 1, '0', '0.0625', 'FREE_ENTRY_POINT'],
  [
    '2026-03-07',
    'BR',
    'REFERRAL_CONVERSION',
    'FREE_ENTRY_POINT',
    null,
    1,
    0,
    '0',
    '0',
    'FREE_ENTRY_POINT',
  ],
  ['2026-03-10', 'MX', 'MARKETING', 'REGULAR', '0:MAX', 2, 2, '0.1', '0.061', 'RATE_DIFFERS'],
  ['2026-03-20', 'BR', 'MARKETING', 'REGULAR', '0:MAX', 0, 1, '0', '0.0625', 'NOT_IN_META'],
  ['2026-03-31', 'BR', 'MARKETING', 'REGULAR', '0:MAX', 0, 1, '0', '0.0625', 'TIMEZONE_EDGE'],
];

function summary(line: Line) {
  return [
    line.day,
    line.country,
    line.pricingCategory,
    line.pricingType,
    line.tier,
    line.metaVolume,
    line.ourVolume,
    line.metaCost,
    line.ourCost,
    line.cause,
  ];
}

describeEachDatabase("metaReconciliation: Meta's analytics beside our charges", (kind) => {
  let testApp: TestApp;

  const reconcile = async () => {
    const result = await testApp.gql<{
      metaReconciliation: Record<string, unknown> & { lines: Line[] };
    }>(RECONCILE, { input: { month: '2026-03', wabaId: WABA } }, testApp.keys.finance);
    expect(result.errors).toBeUndefined();
    return result.data!.metaReconciliation;
  };

  beforeAll(async () => {
    testApp = await createTestApp(kind, { runScheduler: false });
    const upserted = await testApp.gql(
      UPSERT,
      { input: { wabaId: WABA, timezone: TIMEZONE, currency: 'USD' } },
      testApp.keys.operator,
    );
    expect(upserted.errors).toBeUndefined();
    await seedMetaMonth(testApp);
    const imported = await testApp.app
      .get(MetaAnalyticsService)
      .importFiles(WABA, [{ name: 'march.json', text: metaAnalyticsFile() }]);
    expect(imported).toEqual({ files: 1, dataPoints: 8, problems: [] });
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('lists each differing key with its likeliest cause, and the totals of every key', async () => {
    const result = await reconcile();
    expect(result).toMatchObject({
      month: '2026-03',
      currency: 'USD',
      wabaIds: [WABA],
      metaVolume: 14,
      ourVolume: 16,
      metaCost: '0.46',
      ourCost: '0.7064',
    });
    expect(result.lines.map(summary)).toEqual(EXPECTED_LINES);
    expect(result.lines.every((line) => line.wabaId === WABA)).toBe(true);
    expect(result.lines.filter((line) => line.withinRounding).map((line) => line.day)).toEqual([
      '2026-03-02',
    ]);
    const byDay = Object.fromEntries(result.lines.map((line) => [line.day, line.explanation]));
    expect(byDay['2026-03-05']).toBe(
      'Meta counts 1 more delivered message(s) than we recorded: webhooks we did not receive, or deliveries not reported (1 of ours are still pending).',
    );
    expect(byDay['2026-03-04']).toBe(
      "Meta's day is not the WABA's local day: counted over Meta's own day our volume is 2, as Meta's.",
    );
  });

  it('stores the same file imported again once: same rows, same reconciliation', async () => {
    const before = await reconcile();
    const again = await testApp.app
      .get(MetaAnalyticsService)
      .importFiles(WABA, [{ name: 'march-again.json', text: metaAnalyticsFile() }]);
    expect(again.dataPoints).toBe(8);
    const [{ n }] = await testApp.app
      .get(DataSource)
      .query('SELECT COUNT(*) AS n FROM meta_pricing_analytics');
    expect(Number(n)).toBe(8);
    expect(await reconcile()).toEqual(before);
  });

  it('reports the problems of a bad file by path and stores nothing from it', async () => {
    const summary = await testApp.app.get(MetaAnalyticsService).importFiles(WABA, [
      { name: 'broken.json', text: '{"pricing_analytics": ' },
      { name: 'other.json', text: '{"pricing_analytics":{"data":[]},"id":"999"}' },
    ]);
    expect(summary).toEqual({
      files: 2,
      dataPoints: 0,
      problems: [
        { path: 'broken.json', message: 'not JSON: unexpected character at offset 22' },
        { path: 'other.json: $.id', message: `the answer is for WABA 999, not ${WABA}` },
      ],
    });
  });

  it('refuses a portfolio and a WABA together, a bad month and an unknown WABA with client codes', async () => {
    const ask = (input: Record<string, unknown>) =>
      testApp.gql(RECONCILE, { input }, testApp.keys.finance);
    expect(
      (await ask({ month: '2026-03', wabaId: WABA, portfolioId: WABA })).errors?.[0],
    ).toMatchObject({
      message: 'give exactly one of wabaId or portfolioId',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((await ask({ month: '2026-3', wabaId: WABA })).errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await ask({ month: '2026-03', wabaId: 'nope' })).errors?.[0].extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('gives the same lines for the portfolio, and as a CSV export', async () => {
    const portfolio = await testApp.gql<{ metaReconciliation: { lines: Line[] } }>(
      RECONCILE,
      { input: { month: '2026-03', portfolioId: WABA } },
      testApp.keys.finance,
    );
    expect(portfolio.data!.metaReconciliation.lines.map(summary)).toEqual(EXPECTED_LINES);

    const created = await testApp.gql<{ createExport: { id: string } }>(
      `mutation { createExport(input: { kind: META_RECONCILIATION, format: CSV, month: "2026-03", wabaId: "${WABA}" }) { id } }`,
      {},
      testApp.keys.finance,
    );
    expect(created.errors).toBeUndefined();
    await testApp.app.get(ExportRunnerService).idle();
    const response = await testApp
      .http()
      .get(`/exports/${created.data!.createExport.id}/download`)
      .set('Authorization', `Bearer ${testApp.keys.finance}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const csv = (response.body as Buffer)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toBe(
      'section,day,waba_id,country,pricing_category,pricing_type,tier,meta_volume,our_volume,volume_difference,meta_cost,our_cost,cost_difference,currency,cause,within_rounding,explanation',
    );
    expect(csv.slice(1, -2).map((row) => row.split(',').slice(1, 16))).toEqual(
      EXPECTED_LINES.map(
        ([day, country, category, type, tier, metaVolume, ourVolume, metaCost, ourCost, cause]) =>
          [
            day,
            WABA,
            country,
            category,
            type,
            tier ?? '',
            metaVolume,
            ourVolume,
            Number(metaVolume) - Number(ourVolume),
            metaCost,
            ourCost,
            toDecimalString(money(String(metaCost)).minus(String(ourCost))),
            'USD',
            cause,
            cause === 'WITHIN_META_ROUNDING',
          ].map(String),
      ),
    );
    expect(csv.at(-2)).toBe('TOTAL,,,,,,,14,16,-2,0.46,0.7064,-0.2464,USD,,,');
  });
});
