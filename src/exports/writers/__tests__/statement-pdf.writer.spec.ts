import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { money, roundToMinorUnit } from '../../../pricing/money';
import type { StatementResult } from '../../../reports/services/statement.service';
import { pdfPageText, readPdf } from '../../../../test/utils/pdf-text.util';
import { writeStatementPdf } from '../statement-pdf.writer';

describe('writeStatementPdf', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-writer-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('continues long statements on new pages with the totals in every footer', async () => {
    const lines = Array.from({ length: 120 }, (_, index) => ({
      market: `Market ${String(index).padStart(3, '0')}`,
      pricingCategory: 'MARKETING' as const,
      tier: null,
      quantity: 1000 + index,
      rate: money('0.0123'),
      amount: money('0.0123').times(1000 + index),
    }));
    const exactTotal = lines.reduce((sum, line) => sum.plus(line.amount), money('0'));
    const statement: StatementResult = {
      month: '2026-03',
      currency: 'USD',
      wabaId: 'waba-1',
      portfolioId: 'pf-1',
      timezone: 'UTC',
      wabaIds: ['waba-1'],
      rateCards: ['Meta USD 2026-01-01'],
      lines,
      free: [{ reason: 'FREE_INBOUND', quantity: 7 }],
      billedMessages: lines.reduce((sum, line) => sum + line.quantity, 0),
      pendingMessages: 0,
      unpricedMessages: 0,
      notDeliveredMessages: 0,
      rejectedMessages: 0,
      exactTotal,
      total: roundToMinorUnit(exactTotal, 'USD'),
    };
    const path = join(dir, 'long.pdf');
    await writeStatementPdf(path, statement);
    const pages = readPdf(path).pages.map(pdfPageText);
    const text = pages.join('\n');
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, index) => {
      expect(page).toContain(`exact total USD 1563.822`);
      expect(page).toContain(`page ${index + 1} of ${pages.length}`);
    });
    expect(pages[1]).toContain('Market');
    expect(text).toContain('Market 119');
    expect(text).toContain('Total: USD 1563.82');
  });
});
