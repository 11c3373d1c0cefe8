import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money, roundToMinorUnit } from '../../../pricing/money';
import type {
  StatementLineResult,
  StatementResult,
} from '../../../reports/services/statement.service';
import {
  pdfItem,
  pdfLines,
  pdfPageText,
  readPdf,
  type PdfTextItem,
} from '../../../../test/utils/pdf-text.util';
import { writeStatementPdf } from '../statement-pdf.writer';

function statementOf(lines: StatementLineResult[], overrides: Partial<StatementResult> = {}) {
  const exactTotal = lines.reduce((sum, line) => sum.plus(line.amount), money('0'));
  const currency = overrides.currency ?? 'USD';
  const statement: StatementResult = {
    number: 'ST-W-waba-1-2026-03-USD',
    issuedAt: new Date('2026-04-02T10:05:00Z'),
    month: '2026-03',
    currency,
    wabaId: 'waba-1',
    wabaName: null,
    portfolioId: 'pf-1',
    portfolioName: null,
    timezone: 'UTC',
    wabaIds: ['waba-1'],
    wabas: [{ wabaId: 'waba-1', name: null, timezone: 'UTC' }],
    rateCards: ['Meta USD 2026-01-01'],
    lines,
    free: [{ reason: 'FREE_INBOUND', quantity: 7 }],
    billedMessages: lines.reduce((sum, line) => sum + line.quantity, 0),
    pendingMessages: 0,
    unpricedMessages: 0,
    unpriced: [],
    unpricedUnclassifiedMessages: 0,
    notDeliveredMessages: 0,
    rejectedMessages: 0,
    exactTotal,
    total: roundToMinorUnit(exactTotal, currency),
    ...overrides,
  };
  return statement;
}

const line = (
  market: string,
  pricingCategory: StatementLineResult['pricingCategory'],
  tier: string | null,
  quantity: number,
  rate: string,
): StatementLineResult => ({
  market,
  pricingCategory,
  tier,
  quantity,
  rate: money(rate),
  amount: money(rate).times(quantity),
});

const rightEdge = (item: PdfTextItem) => item.x + item.width;

describe('writeStatementPdf', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-writer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('continues long statements on new pages with the number and totals in every footer', async () => {
    const lines = Array.from({ length: 120 }, (_, index) =>
      line(`Market ${String(index).padStart(3, '0')}`, 'MARKETING', null, 1000 + index, '0.0123'),
    );
    const path = join(dir, 'long.pdf');
    await writeStatementPdf(path, statementOf(lines));
    const pages = readPdf(path).pages.map(pdfPageText);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(page).toContain(
        `ST-W-waba-1-2026-03-USD · exact total USD 1,563.822 · ` +
          `total USD 1,563.82 · page ${index + 1} of ${pages.length}\nEstimate, not Meta's invoice.`,
      );
    });
    expect(pages[1]).toContain(
      'Market Pricing category Volume tier Quantity Rate (USD) Amount (USD)',
    );
    const text = pages.join('\n');
    expect(text).toContain('Market 119 Marketing All volumes 1,119 0.0123 13.7637');
    expect(text).toContain('Total billed (exact) 127,140 1,563.8220');
    expect(text).toContain('Total, rounded half-up to 2 decimals 1,563.82');
  });

  it('prints names in any script with an embedded font, labels instead of codes, and its issue date', async () => {
    const path = join(dir, 'accountant.pdf');
    await writeStatementPdf(
      path,
      statementOf(
        [
          line('India', 'AUTHENTICATION_INTERNATIONAL', '0:750000', 1204, '0.028'),
          line('India', 'MARKETING', null, 25000, '0.8631'),
          line('India', 'UTILITY', '750001:15000000', 3, '0.115'),
        ],
        {
          number: 'ST-W-waba-1-2026-03-INR',
          currency: 'INR',
          wabaName: 'ООО «Ромашка»',
          portfolioName: 'Ромашка Холдинг',
          timezone: 'Asia/Kolkata',
          wabas: [{ wabaId: 'waba-1', name: 'ООО «Ромашка»', timezone: 'Asia/Kolkata' }],
          rateCards: ['Meta INR 2026-01-01'],
          free: [
            { reason: 'FREE_INBOUND', quantity: 7 },
            { reason: 'FREE_CUSTOMER_SERVICE_WINDOW', quantity: 12 },
          ],
          pendingMessages: 2,
          notDeliveredMessages: 1,
          unpricedMessages: 5,
          unpriced: [
            { market: 'Germany', pricingCategory: 'MARKETING', quantity: 3 },
            { market: 'Germany', pricingCategory: 'UTILITY', quantity: 1 },
          ],
          unpricedUnclassifiedMessages: 1,
        },
      ),
    );
    const pdf = readPdf(path);
    expect(pdf.info.CreationDate).toBe('D:20260402100500Z');
    expect(pdf.info.Title).toBe('Statement ST-W-waba-1-2026-03-INR');
    const fonts = new Set(pdf.pages.flatMap((page) => page.items.map((item) => item.font)));
    expect([...fonts].map((font) => font.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'DejaVuSans',
      'DejaVuSans-Bold',
      'DejaVuSansCondensed',
      'DejaVuSansCondensed-Bold',
    ]);
    expect(pdf.pages.every((page) => page.items.every((item) => !item.fontMissing))).toBe(true);

    const text = pdf.pages.map(pdfPageText).join('\n');
    const expectedLines = [
      'WhatsApp Business messaging statement',
      'Statement ST-W-waba-1-2026-03-INR Issued 2026-04-02 10:05 UTC',
      'Business Ромашка Холдинг (portfolio pf-1)',
      'WhatsApp Business account ООО «Ромашка» (WABA waba-1)',
      'Period 1–31 March 2026, Asia/Kolkata time',
      'Currency INR (₹)',
      'Billed 26,207 21,611.557',
      'Unpriced (not in the total) 5',
      'Free 19',
      'Not billed 3',
      'India Authentication-international Tier 1–750,000 1,204 0.0280 33.712',
      'India Marketing All volumes 25,000 0.8631 21,577.500',
      'India Utility Tier 750,001–15,000,000 3 0.1150 0.345',
      'Germany Marketing 3',
      'Germany Utility 1',
      'Market or category unknown 1',
      'Total unpriced 5',
      'Free: inbound message 7',
      'Free: customer service window 12',
      'Total free 19',
      'Not billed: pending delivery (provisional) 2',
      'Not billed: not delivered 1',
      'Not billed: rejected outside the customer service window 0',
      'Total not billed 3',
    ];
    const textLines = pdf.pages.flatMap((page) => pdfLines(page).map((entry) => entry.text));
    for (const expected of expectedLines) expect(textLines).toContain(expected);
    expect(textLines.join(' ')).toContain(
      "This statement is an estimate computed from the messages this service recorded. It is not Meta's invoice; Meta bills from its own records.",
    );
    for (const code of ['AUTHENTICATION', 'FREE_INBOUND', 'NO_RATE', 'PENDING', '0:750000']) {
      expect(text).not.toContain(code);
    }

    // Amounts align on the decimal point: the decimals the column needs (3 here) on every line,
    // one right edge; the rounded total ends one digit width earlier (2 decimals against 3).
    const page = pdf.pages[0];
    const amounts = ['33.712', '21,577.500', '0.345'].map((amount) =>
      pdfItem(page, amount, amount),
    );
    const exactTotal = pdfItem(page, 'Total billed (exact)', '21,611.557');
    const edges = [...amounts, exactTotal].map(rightEdge);
    edges.forEach((edge) => expect(edge).toBeCloseTo(edges[0], 1));
    const rounded = pdfItem(page, 'Total, rounded half-up to 2 decimals 21,611.56', '21,611.56');
    const digitWidth = exactTotal.width - rounded.width;
    expect(digitWidth).toBeGreaterThan(4);
    expect(rightEdge(rounded) + digitWidth).toBeCloseTo(edges[0], 1);
    const rates = ['0.0280', '0.8631', '0.1150'].map((rate) =>
      rightEdge(pdfItem(page, rate, rate)),
    );
    rates.forEach((edge) => expect(edge).toBeCloseTo(rates[0], 1));
  });

  it('falls back to the ids when the portfolio and WABAs have no names', async () => {
    const path = join(dir, 'portfolio.pdf');
    await writeStatementPdf(
      path,
      statementOf([line('Brazil', 'MARKETING', null, 2, '0.0625')], {
        number: 'ST-P-pf-1-2026-03-USD',
        wabaId: null,
        timezone: null,
        wabaIds: ['waba-1', 'waba-2'],
        wabas: [
          { wabaId: 'waba-1', name: 'Loja Central', timezone: 'America/Sao_Paulo' },
          { wabaId: 'waba-2', name: null, timezone: 'Europe/Berlin' },
        ],
      }),
    );
    const lines = pdfLines(readPdf(path).pages[0]).map((entry) => entry.text);
    expect(lines).toContain('Business Portfolio pf-1');
    expect(lines).toContain(
      'WhatsApp Business accounts Loja Central (WABA waba-1), America/Sao_Paulo',
    );
    expect(lines).toContain('WABA waba-2, Europe/Berlin');
    expect(lines).toContain('Period 1–31 March 2026, each account in its own time zone');
    expect(lines).toContain('Total, rounded half-up to 2 decimals (estimate) 0.13');
  });
});
