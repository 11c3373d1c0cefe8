import { createTestApp, describeEachDatabase, type TestApp } from '../utils/test-app.util';

const COVERAGE = `query($currency: String!, $date: String!) {
  rateCardCoverage(currency: $currency, date: $date) {
    rateCard { name currency effectiveFrom builtIn }
    pricedMarkets
    unpriced { market pricingCategory }
  }
}`;

describeEachDatabase('rateCardCoverage', (kind) => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp(kind);
  });
  afterAll(async () => {
    await testApp.close();
  });

  it('a fresh install: the built-in USD card of 2026-10-01, unpriced only where no source prints a rate', async () => {
    const result = await testApp.gql<{ rateCardCoverage: Record<string, any> }>(
      COVERAGE,
      { currency: 'USD', date: '2026-11-15' },
      testApp.keys.finance,
    );
    expect(result.errors).toBeUndefined();
    const coverage = result.data!.rateCardCoverage;
    expect(coverage.rateCard).toEqual({
      name: 'Meta USD 2026-10-01',
      currency: 'USD',
      effectiveFrom: '2026-10-01',
      builtIn: true,
    });
    expect(coverage.pricedMarkets).toBe(34);
    expect(new Set(coverage.unpriced.map((entry: any) => entry.pricingCategory))).toEqual(
      new Set(['AUTHENTICATION_INTERNATIONAL']),
    );
    expect(coverage.unpriced).toHaveLength(13);
  });

  it('an imported card of the same date wins, and its gaps show', async () => {
    const imported = await testApp.gql(
      `mutation($input: ImportRateCardInput!) { importRateCard(input: $input) { id } }`,
      {
        input: {
          name: 'Only North America',
          currency: 'USD',
          effectiveFrom: '2026-10-01',
          ratesCsv:
            'Market,Currency,Marketing,Utility,Authentication\nNorth America,$US,0.025,0.0034,0.0034',
        },
      },
    );
    expect(imported.errors).toBeUndefined();
    await testApp.settle();
    const result = await testApp.gql<{ rateCardCoverage: Record<string, any> }>(COVERAGE, {
      currency: 'USD',
      date: '2026-11-15',
    });
    const coverage = result.data!.rateCardCoverage;
    expect(coverage.rateCard.name).toBe('Only North America');
    expect(coverage.pricedMarkets).toBe(1);
    expect(coverage.unpriced).toContainEqual({ market: 'India', pricingCategory: 'MARKETING' });
    expect(coverage.unpriced).not.toContainEqual(
      expect.objectContaining({ market: 'North America' }),
    );
  });

  it('no card in force: rateCard null and everything unpriced', async () => {
    const result = await testApp.gql<{ rateCardCoverage: Record<string, any> }>(COVERAGE, {
      currency: 'GBP',
      date: '2026-11-15',
    });
    expect(result.data!.rateCardCoverage.rateCard).toBeNull();
    expect(result.data!.rateCardCoverage.pricedMarkets).toBe(0);
  });

  it.each([
    ['usd', '2026-11-15', /currency must be an ISO 4217 code/],
    ['USD', '2026-02-30', /date must be a calendar date/],
    ['USD', 'yesterday', /date must be a calendar date/],
  ])('refuses currency %j and date %j with BAD_USER_INPUT', async (currency, date, message) => {
    const result = await testApp.gql(COVERAGE, { currency, date });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(message);
  });

  it('needs an API key', async () => {
    const result = await testApp.gql(COVERAGE, { currency: 'USD', date: '2026-11-15' }, null);
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
