import { money } from '../../../pricing/money';
import type { StatementResult } from '../../../reports/services/statement.service';
import { DecimalCell, type Row, type Sheet } from '../../writers/table.types';
import { statementCsvTable, statementSheets } from '../statement.document';

const STATEMENT: StatementResult = {
  number: 'ST-P-pf-1-2026-03-CLP',
  issuedAt: new Date('2026-04-02T10:05:00Z'),
  month: '2026-03',
  currency: 'CLP',
  wabaId: null,
  wabaName: null,
  portfolioId: 'pf-1',
  portfolioName: 'Compañía',
  timezone: null,
  wabaIds: ['waba-1', 'waba-2'],
  wabas: [
    { wabaId: 'waba-1', name: 'Tienda', timezone: 'America/Santiago' },
    { wabaId: 'waba-2', name: null, timezone: 'America/Santiago' },
  ],
  rateCards: ['Meta CLP 2026-01-01'],
  lines: [
    {
      market: 'Chile',
      pricingCategory: 'UTILITY',
      tier: '0:750000',
      quantity: 3,
      rate: money('12.5'),
      amount: money('37.5'),
    },
  ],
  free: [{ reason: 'FREE_TIER', quantity: 4 }],
  billedMessages: 3,
  pendingMessages: 1,
  unpricedMessages: 6,
  unpriced: [{ market: 'Peru', pricingCategory: 'AUTHENTICATION', quantity: 4 }],
  unpricedUnclassifiedMessages: 2,
  notDeliveredMessages: 0,
  rejectedMessages: 2,
  exactTotal: money('37.5'),
  total: money('38'),
};

const plain = (row: Row) => row.map((cell) => (cell instanceof DecimalCell ? cell.value : cell));

describe('statement documents', () => {
  it('writes every group of the CSV with its own total, unknown-category unpriced included', async () => {
    const table = statementCsvTable(STATEMENT);
    const rows: Row[] = [];
    for await (const row of table.rows) rows.push(row);
    expect(table.columns.map((column) => column.header)).toEqual([
      'statement_number',
      'section',
      'market',
      'pricing_category',
      'tier',
      'reason',
      'quantity',
      'rate',
      'amount',
      'currency',
    ]);
    const n = 'ST-P-pf-1-2026-03-CLP';
    expect(rows.map(plain)).toEqual([
      [n, 'LINE', 'Chile', 'UTILITY', '0:750000', 'BILLED', 3, '12.5', '37.5', 'CLP'],
      [n, 'UNPRICED', 'Peru', 'AUTHENTICATION', null, 'NO_RATE', 4, null, null, 'CLP'],
      [n, 'UNPRICED', null, null, null, 'NO_RATE', 2, null, null, 'CLP'],
      [n, 'UNPRICED_TOTAL', null, null, null, null, 6, null, null, 'CLP'],
      [n, 'FREE', null, null, null, 'FREE_TIER', 4, null, null, 'CLP'],
      [n, 'FREE_TOTAL', null, null, null, null, 4, null, null, 'CLP'],
      [n, 'NOT_BILLED', null, null, null, 'PENDING', 1, null, null, 'CLP'],
      [n, 'NOT_BILLED', null, null, null, 'NOT_DELIVERED', 0, null, null, 'CLP'],
      [n, 'NOT_BILLED', null, null, null, 'REJECTED_OUTSIDE_WINDOW', 2, null, null, 'CLP'],
      [n, 'NOT_BILLED_TOTAL', null, null, null, null, 3, null, null, 'CLP'],
      [n, 'TOTAL', null, null, null, null, 3, null, '37.5', 'CLP'],
      [n, 'TOTAL_ROUNDED', null, null, null, null, null, null, '38', 'CLP'],
    ]);
  });

  it('labels the sheets, lists each covered WABA and aligns a zero-decimal currency', () => {
    const sheets = statementSheets(STATEMENT);
    const sheet = (name: string) => sheets.find((entry) => entry.name === name) as Sheet;
    const rows = (name: string) => [...(sheet(name).rows as Row[]), ...(sheet(name).footer ?? [])];
    const summary = new Map(rows('Summary').map((row) => [row[0], row[1]]));
    expect(summary.get('Business')).toBe('Compañía (portfolio pf-1)');
    expect(summary.get('WhatsApp Business accounts')).toBe(
      'Tienda (WABA waba-1), America/Santiago; WABA waba-2, America/Santiago',
    );
    expect(summary.get('Period')).toBe('1–31 March 2026, each account in its own time zone');
    expect(summary.get('Issued (UTC)')).toEqual(new Date('2026-04-02T10:05:00Z'));
    const billed = rows('Billed');
    expect(plain(billed[0])).toEqual(['Chile', 'Utility', 'Tier 1–750,000', 3, '12.5', '37.5']);
    expect((billed[0][4] as DecimalCell).numFmt).toBe('#,##0.0');
    expect((billed[0][5] as DecimalCell).numFmt).toBe('"CLP" #,##0.0');
    expect(plain(billed[2])).toEqual([
      'Total (rounded half-up to 0 decimals)',
      null,
      null,
      null,
      null,
      '38',
    ]);
    expect((billed[2][5] as DecimalCell).numFmt).toBe('"CLP" #,##0_._0');
    expect(rows('Unpriced')).toEqual([
      ['Peru', 'Authentication', 4],
      ['Market or category unknown', null, 2],
      ['Total unpriced', null, 6],
    ]);
    expect(rows('Free')).toEqual([
      ['Free: monthly free service messages', 4],
      ['Total free', 4],
    ]);
    expect(rows('Not billed')).toEqual([
      ['Not billed: pending delivery (provisional)', 1],
      ['Not billed: not delivered', 0],
      ['Not billed: rejected outside the customer service window', 2],
      ['Total not billed', 3],
    ]);
  });
});
