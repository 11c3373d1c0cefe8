import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { ExportFormat, ExportKind, ReportDimension } from '../../../src/common/graphql/enums';
import { ExportWriterService } from '../../../src/exports/services/export-writer.service';
import { validateExportRequest } from '../../../src/exports/utils/validate-export-request.util';
import { CostReportService } from '../../../src/reports/services/cost-report.service';
import { ReconciliationService } from '../../../src/reports/services/reconciliation.service';
import { StatementService } from '../../../src/reports/services/statement.service';
import { formatCostReportToGraphqlDto } from '../../../src/reports/utils/format-cost-report-to-graphql-dto.util';
import { formatReconciliationToGraphqlDto } from '../../../src/reports/utils/format-reconciliation-to-graphql-dto.util';
import { formatStatementToGraphqlDto } from '../../../src/reports/utils/format-statement-to-graphql-dto.util';
import { monthInstantBounds } from '../../../src/reports/utils/month-instant-bounds.util';
import { commandExists, pdfLines, readPdf, renderPdfPageGray } from '../../utils/pdf-text.util';
import { describeEachDatabase } from '../../utils/test-app.util';
import { insertScenario, SCENARIO_MONTH } from './reports-scenario.fixture';
import { createReportsTestContext, type ReportsTestContext } from './reports-test-module.util';
import { ChargeWriter } from '../../../src/charging/services/charge-writer.service';

const EXPECTED = join(__dirname, 'expected');

const ISSUED_AT = new Date('2026-04-02T10:05:00Z');

const WABA_A_STATEMENT = {
  number: 'ST-W-waba-a-2026-03-USD',
  issuedAt: ISSUED_AT,
  month: '2026-03',
  currency: 'USD',
  wabaId: 'waba-a',
  wabaName: 'Acme Brasil',
  portfolioId: 'pf-1',
  portfolioName: 'Acme',
  wabaIds: ['waba-a'],
  timezone: 'America/Sao_Paulo',
  rateCards: ['Meta USD 2026-01-01', 'Meta USD 2026-03-31'],
  lines: [
    {
      market: 'Brazil',
      pricingCategory: 'MARKETING',
      tier: null,
      quantity: 4,
      rate: '0.0625',
      amount: '0.25',
    },
    {
      market: 'Brazil',
      pricingCategory: 'UTILITY',
      tier: '0:750000',
      quantity: 3,
      rate: '0.0068',
      amount: '0.0204',
    },
    {
      market: 'Brazil',
      pricingCategory: 'UTILITY',
      tier: '750001:15000000',
      quantity: 1,
      rate: '0.0064',
      amount: '0.0064',
    },
    {
      market: 'Germany',
      pricingCategory: 'MARKETING',
      tier: null,
      quantity: 1,
      rate: '0.1361',
      amount: '0.1361',
    },
    {
      market: 'India',
      pricingCategory: 'MARKETING',
      tier: null,
      quantity: 3,
      rate: '0.0107',
      amount: '0.0321',
    },
  ],
  free: [
    { reason: 'FREE_INBOUND', quantity: 3 },
    { reason: 'FREE_BUSINESS_APP', quantity: 2 },
    { reason: 'FREE_CUSTOMER_SERVICE_WINDOW', quantity: 2 },
    { reason: 'FREE_ENTRY_POINT', quantity: 1 },
  ],
  billedMessages: 12,
  pendingMessages: 1,
  unpricedMessages: 1,
  unpriced: [{ market: 'Other', pricingCategory: 'MARKETING', quantity: 1 }],
  unpricedUnclassifiedMessages: 0,
  notDeliveredMessages: 1,
  rejectedMessages: 1,
  exactTotal: '0.445',
  total: '0.45',
};

describeEachDatabase('reports and exports', (kind) => {
  let context: ReportsTestContext;
  let statements: StatementService;
  let costReports: CostReportService;
  let writer: ExportWriterService;

  beforeAll(async () => {
    context = await createReportsTestContext(kind);
    await insertScenario(context.dataSource, context.get(ChargeWriter));
    statements = context.get(StatementService);
    costReports = context.get(CostReportService);
    writer = context.get(ExportWriterService);
  });

  afterAll(async () => {
    await context?.close();
  });

  const exportTo = async (name: string, input: Parameters<typeof validateExportRequest>[0]) => {
    const path = join(context.config.dataDir, name);
    const result = await writer.write(validateExportRequest(input), path);
    return { path, rows: result.rows };
  };

  describe('monthlyStatement', () => {
    it('gives the WABA month (its timezone) with exact lines and the total rounded half-up', async () => {
      const statement = await statements.monthlyStatement({
        month: SCENARIO_MONTH,
        wabaId: 'waba-a',
        issuedAt: ISSUED_AT,
      });
      expect(formatStatementToGraphqlDto(statement)).toEqual(WABA_A_STATEMENT);
    });

    it('covers a portfolio in one currency, and asks for the currency when there are several', async () => {
      await expect(
        statements.monthlyStatement({ month: SCENARIO_MONTH, portfolioId: 'pf-1' }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('EUR, USD'),
      });
      const eur = formatStatementToGraphqlDto(
        await statements.monthlyStatement({
          month: SCENARIO_MONTH,
          portfolioId: 'pf-1',
          currency: 'eur',
        }),
      );
      expect(eur).toMatchObject({
        number: 'ST-P-pf-1-2026-03-EUR',
        currency: 'EUR',
        wabaId: null,
        wabaName: null,
        portfolioName: 'Acme',
        wabaIds: ['waba-a', 'waba-b'],
        timezone: null,
        rateCards: ['Meta EUR 2026-01-01'],
        lines: [
          {
            market: 'Germany',
            pricingCategory: 'MARKETING',
            tier: null,
            quantity: 2,
            rate: '0.1131',
            amount: '0.2262',
          },
        ],
        free: [{ reason: 'FREE_INBOUND', quantity: 1 }],
        exactTotal: '0.2262',
        total: '0.23',
      });
    });

    it('refuses bad input with typed errors', async () => {
      await expect(
        statements.monthlyStatement({ month: '2026-13', wabaId: 'waba-a' }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await expect(
        statements.monthlyStatement({
          month: SCENARIO_MONTH,
          wabaId: 'waba-a',
          portfolioId: 'pf-1',
        }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(
        statements.monthlyStatement({ month: SCENARIO_MONTH, wabaId: 'nope' }),
      ).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('costReport', () => {
    it('groups by WABA, market and category over an instant range, one total per currency', async () => {
      const report = await costReports.costReport({
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-04-01T00:00:00Z'),
        groupBy: [ReportDimension.WABA, ReportDimension.MARKET, ReportDimension.PRICING_CATEGORY],
      });
      const row = (
        wabaId: string,
        market: string | null,
        pricingCategory: string | null,
        currency: string,
        counts: [number, number, number],
        amount: string,
      ) => ({
        month: null,
        day: null,
        portfolioId: null,
        wabaId,
        phoneNumberId: null,
        market,
        country: null,
        pricingCategory,
        origin: null,
        reason: null,
        tier: null,
        currency,
        messages: counts[0],
        billableMessages: counts[1],
        freeMessages: counts[2],
        amount,
      });
      expect(formatCostReportToGraphqlDto(report)).toEqual({
        rows: [
          row('waba-a', 'Brazil', 'MARKETING', 'USD', [6, 5, 0], '0.3125'),
          row('waba-a', 'Brazil', 'SERVICE', 'USD', [1, 0, 1], '0'),
          row('waba-a', 'Brazil', 'UTILITY', 'USD', [5, 4, 1], '0.0268'),
          row('waba-a', 'Brazil', null, 'USD', [1, 0, 0], '0'),
          row('waba-a', 'India', 'MARKETING', 'USD', [5, 3, 1], '0.0321'),
          row('waba-a', 'Other', 'MARKETING', 'USD', [1, 1, 0], '0'),
          row('waba-a', null, null, 'USD', [5, 0, 5], '0'),
          row('waba-b', 'Germany', 'MARKETING', 'EUR', [2, 2, 0], '0.2262'),
          row('waba-b', null, null, 'EUR', [1, 0, 1], '0'),
        ],
        totals: [
          { currency: 'EUR', messages: 3, billableMessages: 2, freeMessages: 1, amount: '0.2262' },
          {
            currency: 'USD',
            messages: 24,
            billableMessages: 13,
            freeMessages: 8,
            amount: '0.3714',
          },
        ],
      });
    });

    it('agrees with the statement to the last digit for the same WABA month', async () => {
      const statement = await statements.monthlyStatement({
        month: SCENARIO_MONTH,
        wabaId: 'waba-a',
      });
      const report = await costReports.costReport({
        ...monthInstantBounds(SCENARIO_MONTH),
        groupBy: [ReportDimension.MONTH],
        filter: { wabaIds: ['waba-a'], months: [SCENARIO_MONTH] },
      });
      expect(formatCostReportToGraphqlDto(report).rows).toEqual([
        expect.objectContaining({
          month: '2026-03',
          currency: 'USD',
          messages: 24,
          billableMessages: 13,
          freeMessages: 8,
          amount: '0.445',
        }),
      ]);
      expect(report.rows[0].amount.equals(statement.exactTotal)).toBe(true);
    });

    it('groups by day in the WABA timezone and filters by reason', async () => {
      const report = await costReports.costReport({
        from: new Date('2026-03-31T00:00:00Z'),
        to: new Date('2026-04-03T00:00:00Z'),
        groupBy: [ReportDimension.DAY, ReportDimension.REASON],
        filter: { wabaIds: ['waba-a'], reasons: ['BILLED', 'PENDING'] },
      });
      expect(
        formatCostReportToGraphqlDto(report).rows.map((row) => [
          row.day,
          row.reason,
          row.messages,
          row.amount,
        ]),
      ).toEqual([
        ['2026-03-31', 'BILLED', 1, '0.1361'],
        ['2026-03-31', 'PENDING', 1, '0'],
        ['2026-04-02', 'BILLED', 1, '0.0625'],
      ]);
    });

    it('refuses an empty or too long range and repeated dimensions', async () => {
      const base = {
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-03-01T00:00:00Z'),
        groupBy: [],
      };
      await expect(costReports.costReport(base)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(
        costReports.costReport({ ...base, to: new Date('2027-06-01T00:00:00Z') }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(
        costReports.costReport({
          ...base,
          to: new Date('2026-04-01T00:00:00Z'),
          groupBy: [ReportDimension.DAY, ReportDimension.DAY],
        }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('reconciliation', () => {
    it("lists disagreements between Meta's verdict and the estimate by kind, with money at stake", async () => {
      const service = context.get(ReconciliationService);
      const result = formatReconciliationToGraphqlDto(
        await service.reconciliation({
          from: new Date('2026-03-01T03:00:00Z'),
          to: new Date('2026-04-01T03:00:00Z'),
          wabaId: 'waba-a',
          first: 2,
          afterId: null,
        }),
      );
      expect(result.groups).toEqual([
        {
          kind: 'META_BILLED_ESTIMATE_FREE',
          currency: 'USD',
          messages: 1,
          amountAtStake: '0.0068',
        },
        { kind: 'META_FREE_ESTIMATE_BILLED', currency: 'USD', messages: 1, amountAtStake: null },
        { kind: 'CATEGORY_DIFFERS', currency: 'USD', messages: 1, amountAtStake: '0.0107' },
      ]);
      expect(result.totalCount).toBe(3);
      expect(result.edges.map(({ node }) => [node.wamid, node.kind])).toEqual([
        ['wamid.A10', 'META_BILLED_ESTIMATE_FREE'],
        ['wamid.A11', 'META_FREE_ESTIMATE_BILLED'],
      ]);
      expect(result.pageInfo.hasNextPage).toBe(true);
      const first = await service.reconciliation({
        from: new Date('2026-03-01T03:00:00Z'),
        to: new Date('2026-04-01T03:00:00Z'),
        wabaId: 'waba-a',
        first: 2,
        afterId: null,
      });
      const next = await service.reconciliation({
        from: new Date('2026-03-01T03:00:00Z'),
        to: new Date('2026-04-01T03:00:00Z'),
        wabaId: 'waba-a',
        first: 2,
        afterId: first.items[1].id,
      });
      expect(
        next.items.map((item) => [
          item.wamid,
          item.kind,
          item.chargePricingCategory,
          item.estimatePricingCategory,
        ]),
      ).toEqual([['wamid.A12', 'CATEGORY_DIFFERS', 'MARKETING', 'UTILITY']]);
      expect(next.hasNextPage).toBe(false);
    });
  });

  describe('exports', () => {
    it('writes the statement CSV exactly as the expected file', async () => {
      const { path, rows } = await exportTo('statement.csv', {
        kind: ExportKind.STATEMENT,
        format: ExportFormat.CSV,
        month: SCENARIO_MONTH,
        wabaId: 'waba-a',
      });
      expect(rows).toBe(5);
      const actual = readFileSync(path, 'utf8');
      const expected = readFileSync(join(EXPECTED, 'statement-waba-a-2026-03.csv'), 'utf8');
      expect(actual.startsWith('\uFEFF')).toBe(true);
      expect(actual.split('\r\n')).toEqual(expected.split('\n'));
    });

    it('writes the cost report CSV exactly as the expected file', async () => {
      const { path } = await exportTo('cost-report.csv', {
        kind: ExportKind.COST_REPORT,
        format: ExportFormat.CSV,
        month: SCENARIO_MONTH,
        wabaId: 'waba-a',
      });
      const expected = readFileSync(join(EXPECTED, 'cost-report-waba-a-2026-03.csv'), 'utf8');
      expect(readFileSync(path, 'utf8').split('\r\n')).toEqual(expected.split('\n'));
    });

    it('writes message rows with formula-looking text neutralised and amounts untouched', async () => {
      const { path, rows } = await exportTo('messages.csv', {
        kind: ExportKind.MESSAGES,
        format: ExportFormat.CSV,
        month: SCENARIO_MONTH,
        wabaId: 'waba-a',
      });
      expect(rows).toBe(24);
      const lines = readFileSync(path, 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n');
      expect(lines[0]).toBe(
        'wamid,waba_id,phone_number_id,direction,origin,contact,template_name,template_category,sent_at,delivered_at,status,month,billable,reason,pricing_category,market,country,tier,rate,amount,currency,source,explanation',
      );
      expect(lines).toContain(
        `wamid.A02,waba-a,pn-a1,OUTBOUND,CLOUD_API,5511999990001,"'=HYPERLINK(""http://evil.example"",""click"")",MARKETING,2026-03-05T15:59:00.000Z,2026-03-05T16:00:00.000Z,DELIVERED,2026-03,true,BILLED,MARKETING,Brazil,BR,,0.0625,0.0625,USD,ESTIMATE,billed (fixture)`,
      );
      expect(lines).toContain(
        'wamid.A04,waba-a,pn-a2,OUTBOUND,CLOUD_API,919800000001,"promo, ""quoted""",MARKETING,2026-03-10T09:59:00.000Z,2026-03-10T10:00:00.000Z,DELIVERED,2026-03,true,BILLED,MARKETING,India,IN,,0.0107,0.0107,USD,ESTIMATE,billed (fixture)',
      );
      expect(
        lines.filter((line) => line.startsWith('wamid.A25') || line.startsWith('wamid.A26')),
      ).toEqual([]);
      expect(lines[lines.length - 1]).toBe('');
      expect(lines).toHaveLength(26);
    });

    it('writes the statement XLSX: labelled sheets with filters, aligned money formats and totals per section', async () => {
      const before = Date.now();
      const { path } = await exportTo('statement.xlsx', {
        kind: ExportKind.STATEMENT,
        format: ExportFormat.XLSX,
        month: SCENARIO_MONTH,
        wabaId: 'waba-a',
      });
      const workbook = new Workbook();
      await workbook.xlsx.readFile(path);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        'Summary',
        'Billed',
        'Unpriced',
        'Free',
        'Not billed',
      ]);
      const values = (sheetName: string) => {
        const rows: unknown[][] = [];
        workbook.getWorksheet(sheetName)!.eachRow((row) => rows.push(row.values as unknown[]));
        return rows.map((row) =>
          Array.from(row)
            .slice(1)
            .map((value) => value ?? null),
        );
      };
      for (const sheet of workbook.worksheets) {
        expect(sheet.getRow(1).font?.bold).toBe(true);
      }
      const filters = Object.fromEntries(
        workbook.worksheets.map((sheet) => [sheet.name, sheet.autoFilter]),
      );
      expect(filters).toEqual({
        Summary: 'A1:B14',
        Billed: 'A1:F6',
        Unpriced: 'A1:C2',
        Free: 'A1:B5',
        'Not billed': 'A1:B4',
      });

      const billed = workbook.getWorksheet('Billed')!;
      expect(values('Billed')).toEqual([
        ['Market', 'Pricing category', 'Volume tier', 'Quantity', 'Rate (USD)', 'Amount'],
        ['Brazil', 'Marketing', 'All volumes', 4, 0.0625, 0.25],
        ['Brazil', 'Utility', 'Tier 1–750,000', 3, 0.0068, 0.0204],
        ['Brazil', 'Utility', 'Tier 750,001–15,000,000', 1, 0.0064, 0.0064],
        ['Germany', 'Marketing', 'All volumes', 1, 0.1361, 0.1361],
        ['India', 'Marketing', 'All volumes', 3, 0.0107, 0.0321],
        ['Total billed', null, null, 12, null, 0.445],
        ['Total (rounded half-up to 2 decimals)', null, null, null, null, 0.45],
      ]);
      for (let row = 2; row <= 7; row += 1) {
        expect(billed.getRow(row).getCell(6).numFmt).toBe('"USD" #,##0.0000');
      }
      expect(billed.getRow(2).getCell(5).numFmt).toBe('#,##0.0000');
      expect(billed.getRow(8).getCell(6).numFmt).toBe('"USD" #,##0.00_0_0');
      expect(String(billed.getRow(7).getCell(6).value as number)).toBe(WABA_A_STATEMENT.exactTotal);
      expect(billed.getRow(7).font?.bold).toBe(true);

      expect(values('Unpriced')).toEqual([
        ['Market', 'Pricing category', 'Quantity'],
        ['Other', 'Marketing', 1],
        ['Total unpriced', null, 1],
      ]);
      expect(values('Free')).toEqual([
        ['Reason', 'Quantity'],
        ['Free: inbound message', 3],
        ['Free: sent from the WhatsApp Business app', 2],
        ['Free: customer service window', 2],
        ['Free: free entry point window', 1],
        ['Total free', 8],
      ]);
      expect(values('Not billed')).toEqual([
        ['Reason', 'Quantity'],
        ['Not billed: pending delivery (provisional)', 1],
        ['Not billed: not delivered', 1],
        ['Not billed: rejected outside the customer service window', 1],
        ['Total not billed', 3],
      ]);

      const summary = workbook.getWorksheet('Summary')!;
      const summaryValues = new Map(values('Summary').map(([item, value]) => [item, value]));
      expect(summaryValues.get('Statement number')).toBe('ST-W-waba-a-2026-03-USD');
      expect(summaryValues.get('Business')).toBe('Acme (portfolio pf-1)');
      expect(summaryValues.get('WhatsApp Business account')).toBe('Acme Brasil (WABA waba-a)');
      expect(summaryValues.get('Period')).toBe('1–31 March 2026, America/Sao_Paulo time');
      expect(summaryValues.get('Currency')).toBe('USD ($)');
      expect(summaryValues.get('Rate cards')).toBe('Meta USD 2026-01-01; Meta USD 2026-03-31');
      expect(summaryValues.get('Billed messages')).toBe(12);
      expect(summaryValues.get('Unpriced messages (not in the total)')).toBe(1);
      expect(summaryValues.get('Free messages')).toBe(8);
      expect(summaryValues.get('Not billed messages')).toBe(3);
      expect(summaryValues.get('Exact total')).toBe(0.445);
      expect(summaryValues.get('Total (rounded half-up to 2 decimals)')).toBe(0.45);
      expect(summaryValues.get('Note')).toContain("It is not Meta's invoice");
      const issued = summary.getRow(3);
      expect(issued.getCell(1).value).toBe('Issued (UTC)');
      expect(issued.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm:ss "UTC"');
      const issuedAt = (issued.getCell(2).value as Date).getTime();
      expect(issuedAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(issuedAt).toBeLessThanOrEqual(Date.now());
    });

    it('writes a message XLSX with dates and numeric amounts', async () => {
      const { path, rows } = await exportTo('messages.xlsx', {
        kind: ExportKind.MESSAGES,
        format: ExportFormat.XLSX,
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-04-01T00:00:00Z'),
        wabaId: 'waba-b',
      });
      expect(rows).toBe(3);
      const workbook = new Workbook();
      await workbook.xlsx.readFile(path);
      const sheet = workbook.getWorksheet('Messages')!;
      expect(sheet.rowCount).toBe(4);
      const row = sheet.getRow(3);
      expect(row.getCell(1).value).toBe('wamid.B02');
      expect(row.getCell(10).value).toEqual(new Date('2026-03-03T09:00:00Z'));
      expect(row.getCell(10).numFmt).toBe('yyyy-mm-dd hh:mm:ss "UTC"');
      expect(sheet.getRow(1).getCell(9).value).toBe('Sent at (UTC)');
      expect(sheet.getRow(1).getCell(10).value).toBe('Delivered at (UTC)');
      expect(sheet.autoFilter).toBe('A1:W4');
      expect(row.getCell(20).value).toBe(0.1131);
      expect(row.getCell(20).numFmt).toBe('"EUR" #,##0.00####');
    });

    it('writes the statement PDF whose text holds the heading, labelled lines, sections and totals', async () => {
      const { path } = await exportTo('statement.pdf', {
        kind: ExportKind.STATEMENT,
        format: ExportFormat.PDF,
        month: SCENARIO_MONTH,
        wabaId: 'waba-a',
      });
      const pdf = readPdf(path);
      expect(pdf.pages).toHaveLength(1);
      expect(pdf.info.Title).toBe('Statement ST-W-waba-a-2026-03-USD');
      expect(pdf.info.CreationDate).toMatch(/^D:20\d{12}Z$/);
      expect(pdf.info.CreationDate).not.toBe('D:19700101000000Z');
      const lines = pdfLines(pdf.pages[0]).map((line) => line.text);
      expect(lines).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^Statement ST-W-waba-a-2026-03-USD Issued \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/,
          ),
          'Business Acme (portfolio pf-1)',
          'WhatsApp Business account Acme Brasil (WABA waba-a)',
          'Period 1–31 March 2026, America/Sao_Paulo time',
          'Currency USD ($)',
          'Billed 12 0.4450',
          'Exact total 0.4450',
          'Total, rounded half-up to 2 decimals (estimate) 0.45',
          'Brazil Marketing All volumes 4 0.0625 0.2500',
          'Brazil Utility Tier 1–750,000 3 0.0068 0.0204',
          'Brazil Utility Tier 750,001–15,000,000 1 0.0064 0.0064',
          'Total billed (exact) 12 0.4450',
          'Other Marketing 1',
          'Total unpriced 1',
          'Free: inbound message 3',
          'Total free 8',
          'Not billed: pending delivery (provisional) 1',
          'Total not billed 3',
          'ST-W-waba-a-2026-03-USD · exact total USD 0.445 · total USD 0.45 · page 1 of 1',
        ]),
      );
      expect(lines.join('\n')).toContain('Rate cards Meta USD 2026-01-01\nMeta USD 2026-03-31');
    });
  });

  // Rendering needs poppler's pdftoppm, which .ci/run installs; without it the check is skipped.
  const describeRendering = commandExists('pdftoppm') ? describe : describe.skip;
  describeRendering(
    `statement PDF rendering${commandExists('pdftoppm') ? '' : ' (skipped: pdftoppm from poppler-utils is not installed)'}`,
    () => {
      it('renders the first page with ink on it (pdftoppm)', async () => {
        const { path } = await exportTo('rendered.pdf', {
          kind: ExportKind.STATEMENT,
          format: ExportFormat.PDF,
          month: SCENARIO_MONTH,
          wabaId: 'waba-a',
        });
        const page = renderPdfPageGray(path, 1, 50);
        expect([page.width, page.height]).toEqual([414, 585]);
        const dark = page.pixels.filter((value) => value < 128).length / page.pixels.length;
        expect(dark).toBeGreaterThan(0.005);
        expect(dark).toBeLessThan(0.2);
      });
    },
  );
});
