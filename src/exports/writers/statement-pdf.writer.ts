import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { currencyMinorUnits, formatMinorUnits, toDecimalString } from '../../pricing/money';
import type { StatementResult } from '../../reports/services/statement.service';
import { formatExactAmount } from '../utils/format-exact-amount.util';

const MARGIN = 50;
const ROW_HEIGHT = 16;
const FOOTER_HEIGHT = 36;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

interface PdfColumn {
  header: string;
  width: number;
  align: 'left' | 'right';
}

const LINE_COLUMNS: PdfColumn[] = [
  { header: 'Market', width: 130, align: 'left' },
  { header: 'Pricing category', width: 130, align: 'left' },
  { header: 'Tier', width: 85, align: 'left' },
  { header: 'Quantity', width: 50, align: 'right' },
  { header: 'Rate', width: 50, align: 'right' },
  { header: 'Amount', width: 50, align: 'right' },
];

const SUMMARY_COLUMNS: PdfColumn[] = [
  { header: 'Messages', width: 345, align: 'left' },
  { header: 'Quantity', width: 150, align: 'right' },
];

/**
 * A statement a person can hand to an accountant: header (WABA, month, currency, rate cards),
 * billed lines, free and unbilled messages, totals, and on every page a footer with the exact
 * and the rounded total. Tables continue on new pages with their header repeated.
 */
export async function writeStatementPdf(path: string, statement: StatementResult): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `Statement ${statement.month} ${statement.wabaId ?? statement.portfolioId}`,
      Producer: 'whatsapp-billing',
      Creator: 'whatsapp-billing',
      CreationDate: new Date(0),
    },
  });
  const output = createWriteStream(path);
  doc.pipe(output);
  const currency = statement.currency;

  doc.font(BOLD).fontSize(16).text('WhatsApp messaging statement');
  doc.moveDown(0.5).font(FONT).fontSize(10);
  const scope = statement.wabaId
    ? `WABA ${statement.wabaId} (portfolio ${statement.portfolioId})`
    : `Portfolio ${statement.portfolioId} (WABAs ${statement.wabaIds.join(', ')})`;
  doc.text(scope);
  doc.text(
    `Month: ${statement.month}${statement.timezone ? ` (${statement.timezone} time)` : ' (each WABA in its own timezone)'}`,
  );
  doc.text(`Currency: ${currency}`);
  doc.text(
    `Rate cards: ${statement.rateCards.length > 0 ? statement.rateCards.join('; ') : 'none'}`,
  );
  doc.moveDown();

  doc.font(BOLD).fontSize(12).text('Billed messages', MARGIN);
  doc.moveDown(0.3);
  drawTable(
    doc,
    LINE_COLUMNS,
    statement.lines.map((line) => [
      line.market,
      line.pricingCategory,
      line.tier ?? '',
      String(line.quantity),
      toDecimalString(line.rate),
      formatExactAmount(line.amount, currency),
    ]),
    [
      'Total billed',
      '',
      '',
      String(statement.billedMessages),
      '',
      formatExactAmount(statement.exactTotal, currency),
    ],
  );

  doc.moveDown();
  doc.font(BOLD).fontSize(12).text('Free and unbilled messages', MARGIN);
  doc.moveDown(0.3);
  drawTable(doc, SUMMARY_COLUMNS, [
    ...statement.free.map((line) => [line.reason, String(line.quantity)]),
    ['Pending delivery (provisional, not billed yet)', String(statement.pendingMessages)],
    ['Unpriced (no rate in the card in force)', String(statement.unpricedMessages)],
    ['Not delivered', String(statement.notDeliveredMessages)],
    ['Rejected outside the customer service window', String(statement.rejectedMessages)],
  ]);

  doc.moveDown();
  ensureSpace(doc, ROW_HEIGHT * 4);
  doc.font(BOLD).fontSize(12).text('Totals', MARGIN);
  doc.moveDown(0.3).font(FONT).fontSize(10);
  doc.text(`Exact total: ${currency} ${formatExactAmount(statement.exactTotal, currency)}`);
  doc
    .font(BOLD)
    .text(
      `Total: ${currency} ${formatMinorUnits(statement.total, currency)} (rounded half-up to ${currencyMinorUnits(currency)} decimals)`,
    );

  drawFooters(doc, statement);
  doc.end();
  await finished(output);
}

function drawTable(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: readonly string[][],
  totals?: string[],
): void {
  drawRow(
    doc,
    columns,
    columns.map((column) => column.header),
    BOLD,
  );
  for (const row of rows) {
    if (ensureSpace(doc, ROW_HEIGHT)) {
      drawRow(
        doc,
        columns,
        columns.map((column) => column.header),
        BOLD,
      );
    }
    drawRow(doc, columns, row, FONT);
  }
  if (totals) {
    ensureSpace(doc, ROW_HEIGHT);
    drawRow(doc, columns, totals, BOLD);
  }
  doc.x = MARGIN;
}

function drawRow(
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  cells: readonly string[],
  font: string,
): void {
  const y = doc.y;
  let x = MARGIN;
  doc.font(font).fontSize(9);
  columns.forEach((column, index) => {
    doc.text(cells[index] ?? '', x, y, {
      width: column.width - 4,
      align: column.align,
      lineBreak: false,
      ellipsis: true,
      height: ROW_HEIGHT,
    });
    x += column.width;
  });
  doc.y = y + ROW_HEIGHT;
}

/** Starts a new page when `height` does not fit above the footer; says whether it did. */
function ensureSpace(doc: PDFKit.PDFDocument, height: number): boolean {
  if (doc.y + height <= doc.page.height - MARGIN - FOOTER_HEIGHT) return false;
  doc.addPage();
  return true;
}

function drawFooters(doc: PDFKit.PDFDocument, statement: StatementResult): void {
  const range = doc.bufferedPageRange();
  const currency = statement.currency;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .text(
        `${statement.month} · exact total ${currency} ${formatExactAmount(statement.exactTotal, currency)} · ` +
          `total ${currency} ${formatMinorUnits(statement.total, currency)} · page ${index + 1} of ${range.count}`,
        MARGIN,
        doc.page.height - MARGIN,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
}
