import { DataSource } from 'typeorm';
import { ReportDimension } from '../../../src/common/graphql/enums';
import { RateCardEntity } from '../../../src/rate-cards/entities/rate-card.entity';
import {
  CostReportService,
  type CostReportRequest,
} from '../../../src/reports/services/cost-report.service';
import { StatementService } from '../../../src/reports/services/statement.service';
import { formatCostReportToGraphqlDto } from '../../../src/reports/utils/format-cost-report-to-graphql-dto.util';
import { monthInstantBounds } from '../../../src/reports/utils/month-instant-bounds.util';
import { rollupsAndMessageSums } from '../../utils/rollups.util';
import { describeEachDatabase, type TestApp } from '../../utils/test-app.util';
import { insertScenario, SCENARIO_MONTH } from './reports-scenario.fixture';
import { createReportsTestContext, type ReportsTestContext } from './reports-test-module.util';
import { ChargeWriter } from '../../../src/charging/services/charge-writer.service';

const ALL_DIMENSIONS = Object.values(ReportDimension);

const GROUPINGS: ReportDimension[][] = [
  [],
  ...ALL_DIMENSIONS.map((dimension) => [dimension]),
  [ReportDimension.MARKET, ReportDimension.PRICING_CATEGORY],
  [ReportDimension.DAY, ReportDimension.REASON],
  [ReportDimension.WABA, ReportDimension.TIER, ReportDimension.PHONE_NUMBER],
  ALL_DIMENSIONS,
];

/** Requests the rollups answer exactly (source 'rollups' when left to choose). */
const ROLLUP_REQUESTS: Record<string, Omit<CostReportRequest, 'groupBy'>> = {
  'the statement month, every WABA (months filter, UTC month ± 1 day)': {
    ...monthInstantBounds(SCENARIO_MONTH),
    filter: { months: [SCENARIO_MONTH] },
  },
  'three months, a portfolio, from/to just wide enough (± 14 h)': {
    from: new Date('2026-01-31T10:00:00Z'),
    to: new Date('2026-05-01T14:00:00Z'),
    filter: { months: ['2026-04', '2026-02', '2026-03'], portfolioIds: ['pf-1'] },
  },
  'waba-a, São Paulo midnights: takes 1 April 01:30Z, leaves 1 March 02:00Z out': {
    from: new Date('2026-03-01T03:00:00Z'),
    to: new Date('2026-04-01T03:00:00Z'),
    filter: { wabaIds: ['waba-a'] },
  },
  'waba-a, one São Paulo day, some reasons': {
    from: new Date('2026-03-16T03:00:00Z'),
    to: new Date('2026-03-17T03:00:00Z'),
    filter: { wabaIds: ['waba-a'], reasons: ['FREE_INBOUND', 'FREE_CUSTOMER_SERVICE_WINDOW'] },
  },
  'waba-b, Berlin midnights (CET), before B03': {
    from: new Date('2026-02-28T23:00:00Z'),
    to: new Date('2026-03-19T23:00:00Z'),
    filter: { wabaIds: ['waba-b'] },
  },
  'every list filter, with values no message has (also "")': {
    ...monthInstantBounds(SCENARIO_MONTH),
    filter: {
      months: [SCENARIO_MONTH],
      wabaIds: ['waba-a', 'waba-b'],
      phoneNumberIds: ['pn-a1', 'pn-b1'],
      portfolioIds: ['pf-1', 'pf-none'],
      markets: ['Brazil', 'Germany', ''],
      countries: ['BR', 'DE'],
      pricingCategories: ['MARKETING', 'UTILITY'],
      origins: ['CLOUD_API'],
      reasons: ['BILLED', 'PENDING'],
      currencies: ['USD', 'EUR'],
    },
  },
  'an empty list matches nothing': {
    ...monthInstantBounds(SCENARIO_MONTH),
    filter: { months: [SCENARIO_MONTH], markets: [] },
  },
};

/** Requests only the messages can answer (instants that are not local midnights of every WABA). */
const MESSAGE_REQUESTS: Record<string, Omit<CostReportRequest, 'groupBy'>> = {
  'UTC midnights, WABAs in São Paulo and Berlin': {
    from: new Date('2026-03-01T00:00:00Z'),
    to: new Date('2026-04-01T00:00:00Z'),
  },
  'São Paulo midnights but a portfolio with a Berlin WABA': {
    from: new Date('2026-03-01T03:00:00Z'),
    to: new Date('2026-04-01T03:00:00Z'),
    filter: { portfolioIds: ['pf-1'] },
  },
  'a months filter with from/to narrower than the month ± 14 h': {
    from: new Date('2026-03-01T00:00:00Z'),
    to: new Date('2026-04-02T00:00:00Z'),
    filter: { months: [SCENARIO_MONTH], wabaIds: ['waba-b'] },
  },
  'waba-a at 10:00 local': {
    from: new Date('2026-03-05T13:00:00Z'),
    to: new Date('2026-03-20T13:00:00Z'),
    filter: { wabaIds: ['waba-a'] },
  },
};

describeEachDatabase('reports from charge_rollups', (kind) => {
  let context: ReportsTestContext;
  let costReports: CostReportService;
  let statements: StatementService;

  beforeAll(async () => {
    context = await createReportsTestContext(kind);
    await insertScenario(context.dataSource, context.get(ChargeWriter));
    costReports = context.get(CostReportService);
    statements = context.get(StatementService);
  });

  afterAll(async () => {
    await context?.close();
  });

  it('the fixture wrote its charges through ChargeWriter: rollups equal the message sums', async () => {
    const testApp = { app: { get: () => context.get(DataSource) } } as unknown as TestApp;
    const { fromMessages, fromRollups } = await rollupsAndMessageSums(testApp);
    expect(fromMessages.length).toBeGreaterThan(10);
    expect(fromRollups).toEqual(fromMessages);
  });

  describe.each(Object.entries(ROLLUP_REQUESTS))('%s', (_, base) => {
    it.each(GROUPINGS.map((groupBy) => [groupBy.join(' × ') || '(currency only)', groupBy]))(
      'by %s: rollups and messages give identical rows',
      async (_name, groupBy) => {
        const request = { ...base, groupBy };
        const fromRollups = await costReports.costReport(request);
        const fromMessages = await costReports.costReport({ ...request, source: 'messages' });
        expect(fromRollups.source).toBe('rollups');
        expect(fromMessages.source).toBe('messages');
        expect(formatCostReportToGraphqlDto(fromRollups)).toEqual(
          formatCostReportToGraphqlDto(fromMessages),
        );
      },
    );
  });

  it('finds rows in the rollup requests (the comparison is not vacuous)', async () => {
    for (const [name, base] of Object.entries(ROLLUP_REQUESTS)) {
      const report = await costReports.costReport({ ...base, groupBy: [] });
      const total = report.totals.reduce((sum, figures) => sum + figures.messages, 0);
      if (name === 'an empty list matches nothing') expect(total).toBe(0);
      else expect(total).toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(MESSAGE_REQUESTS))('reads the messages for %s', async (_name, base) => {
    const report = await costReports.costReport({
      ...base,
      groupBy: [ReportDimension.WABA, ReportDimension.DAY],
    });
    expect(report.source).toBe('messages');
    expect(report.rows.length).toBeGreaterThan(0);
  });

  it('gives statement lines equal to the billed messages by market, category and tier', async () => {
    const statement = await statements.monthlyStatement({
      month: SCENARIO_MONTH,
      wabaId: 'waba-a',
    });
    const report = await costReports.costReport({
      ...monthInstantBounds(SCENARIO_MONTH),
      groupBy: [ReportDimension.MARKET, ReportDimension.PRICING_CATEGORY, ReportDimension.TIER],
      filter: { months: [SCENARIO_MONTH], wabaIds: ['waba-a'], reasons: ['BILLED'] },
      source: 'messages',
    });
    expect(
      statement.lines.map((line) => [
        line.market,
        line.pricingCategory,
        line.tier,
        line.quantity,
        line.amount.toFixed(),
      ]),
    ).toEqual(
      report.rows.map((row) => [
        row.dimensions.market,
        row.dimensions.pricingCategory,
        row.dimensions.tier,
        row.messages,
        row.amount.toFixed(),
      ]),
    );
  });

  it('names the cards the engine selects for the billed days, not every card in force', async () => {
    // In force from 25 March, but no message was billed from then until the 31 March card.
    await context.dataSource.getRepository(RateCardEntity).insert({
      id: 'rc-usd-unused',
      name: 'Meta USD 2026-03-25',
      currency: 'USD',
      effectiveFrom: '2026-03-25',
      importedSeq: 9100,
      importedAt: new Date(Date.UTC(2026, 0, 1)),
      builtIn: false,
      provenance: 'reports test fixture',
      data: {
        name: 'Meta USD 2026-03-25',
        currency: 'USD',
        effectiveFrom: '2026-03-25',
        rates: {},
        tiers: {},
        provenance: 'reports test fixture',
      },
    });
    try {
      const march = await statements.monthlyStatement({ month: SCENARIO_MONTH, wabaId: 'waba-a' });
      expect(march.rateCards).toEqual(['Meta USD 2026-01-01', 'Meta USD 2026-03-31']);
      const february = await statements.monthlyStatement({ month: '2026-02', wabaId: 'waba-a' });
      expect(february.rateCards).toEqual(['Meta USD 2026-01-01']);
      expect(february.lines).toHaveLength(1);
      const january = await statements.monthlyStatement({ month: '2026-01', wabaId: 'waba-a' });
      expect(january.rateCards).toEqual([]);
      expect(january.lines).toEqual([]);
    } finally {
      await context.dataSource.getRepository(RateCardEntity).delete({ id: 'rc-usd-unused' });
    }
  });
});
