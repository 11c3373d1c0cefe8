import type Decimal from 'decimal.js';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { currencyMinorUnits } from '../../pricing/money';
import type { StatementResult } from '../../reports/services/statement.service';
import { statementDecimals, statementGroups } from '../documents/statement.document';
import {
  UNCLASSIFIED_UNPRICED_LABEL,
  chargeReasonLabel,
  groupThousands,
  pricingCategoryLabel,
  tierLabel,
} from '../utils/charge-labels.util';
import { formatExactAmount } from '../utils/format-exact-amount.util';
import { formatFixedDecimal } from '../utils/decimal-column.util';
import {
  ESTIMATE_NOTICE,
  coveredWabas,
  currencyWithSymbol,
  monthName,
  portfolioDisplayName,
  statementPeriod,
  utcMinute,
  wabaDisplayName,
} from '../utils/statement-heading.util';

/**
 * DejaVu Sans (dejavu-fonts-ttf, Bitstream Vera licence): Latin, Greek, Cyrillic, Arabic and
 * Hebrew letters and the currency signs (₹, €, ₺, …), embedded (subset) in every statement; its
 * condensed cut in tables. Its digits all have one width, so right-aligned numbers with the same
 * decimals line up on the decimal point.
 */
const FONTS = {
  Regular: 'DejaVuSans.ttf',
  Bold: 'DejaVuSans-Bold.ttf',
  Table: 'DejaVuSansCondensed.ttf',
  TableBold: 'DejaVuSansCondensed-Bold.ttf',
} as const;
const fontPath = (file: string) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`);

const MARGIN = 50;
const ROW_HEIGHT = 13;
const FOOTER_HEIGHT = 36;
const TABLE_FONT_SIZE = 8.5;
const MUTED = '#555555';
const RULE = '#999999';

interface PdfColumn {
  header: string;
  width: number;
  align: 'left' | 'right';
}

const REASON_COLUMNS: PdfColumn[] = [
  { header: 'Reason', width: 425, align: 'left' },
  { header: 'Quantity', width: 70, align: 'right' },
];

/**
 * A table cell: text, or a number right-aligned with fewer decimals than its column
 * (`shortBy` digit widths of blank space keep its decimal point in line).
 */
type PdfCell = string | { text: string; shortBy: number };

interface PdfRow {
  cells: PdfCell[];
  bold?: boolean;
  /** A rule above the row (totals). */
  ruled?: boolean;
}

/**
 * A statement a person can hand to an accountant: statement number and issue date, business and
 * WABA names, period and time zone, an estimate notice; billed lines, unpriced messages by market,
 * free and not-billed messages each with its own total; exact and rounded totals. Labels instead
 * of codes, numbers aligned on the decimal point (each money column with the decimals its values
 * need). Tables continue on new pages with their header; every page's footer repeats the number,
 * the totals and "page i of n". The creation date is the issue instant.
 */
export async function writeStatementPdf(path: string, statement: StatementResult): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    font: fontPath(FONTS.Regular),
    info: {
      Title: `Statement ${statement.number}`,
      Subject: `WhatsApp Business messaging, ${monthName(statement.month)}, ${statementScopeName(statement)}`,
      Producer: 'whatsapp-billing',
      Creator: 'whatsapp-billing',
      CreationDate: statement.issuedAt,
    },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, fontPath(file));
  const output = createWriteStream(path);
  doc.pipe(output);

  drawHeading(doc, statement);
  drawSummary(doc, statement);
  drawBilled(doc, statement);
  drawUnpriced(doc, statement);
  drawFree(doc, statement);
  drawNotBilled(doc, statement);

  drawFooters(doc, statement);
  doc.end();
  await finished(output);
}

function statementScopeName(statement: StatementResult): string {
  return statement.wabaId
    ? wabaDisplayName({ wabaId: statement.wabaId, name: statement.wabaName })
    : portfolioDisplayName(statement);
}

function drawHeading(doc: PDFKit.PDFDocument, statement: StatementResult): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Bold').fontSize(16).fillColor('black');
  doc.text('WhatsApp Business messaging statement', MARGIN, MARGIN, { width });
  doc.moveDown(0.2).font('Regular').fontSize(10);
  doc.text(`Statement ${statement.number}    Issued ${utcMinute(statement.issuedAt)}`, {
    width,
  });
  doc.moveDown(0.6);
  rule(doc, doc.y);
  doc.moveDown(0.6);

  const fields: [string, string][] = [
    ['Business', portfolioDisplayName(statement)],
    statement.wabaId
      ? [
          'WhatsApp Business account',
          wabaDisplayName({ wabaId: statement.wabaId, name: statement.wabaName }),
        ]
      : ['WhatsApp Business accounts', coveredWabas(statement).join('\n')],
    ['Period', statementPeriod(statement)],
    ['Currency', currencyWithSymbol(statement.currency)],
    ['Rate cards', statement.rateCards.length > 0 ? statement.rateCards.join('\n') : 'none'],
  ];
  const labelWidth = 170;
  for (const [label, value] of fields) {
    const y = doc.y;
    doc.font('Bold').fontSize(9.5).fillColor(MUTED);
    doc.text(label, MARGIN, y, { width: labelWidth - 8 });
    const labelBottom = doc.y;
    doc.font('Regular').fillColor('black');
    doc.text(value, MARGIN + labelWidth, y, { width: width - labelWidth });
    doc.y = Math.max(labelBottom, doc.y) + 3;
  }

  doc.moveDown(0.5);
  const noticeTop = doc.y;
  doc.font('Bold').fontSize(9).fillColor('black');
  const noticeHeight = doc.heightOfString(ESTIMATE_NOTICE, { width: width - 16 }) + 12;
  doc.rect(MARGIN, noticeTop, width, noticeHeight).fillAndStroke('#f2f2f2', RULE);
  doc.fillColor('black').text(ESTIMATE_NOTICE, MARGIN + 8, noticeTop + 6, { width: width - 16 });
  doc.y = noticeTop + noticeHeight;
  doc.x = MARGIN;
  doc.moveDown(0.3);
}

function drawSummary(doc: PDFKit.PDFDocument, statement: StatementResult): void {
  const currency = statement.currency;
  const minor = currencyMinorUnits(currency);
  const { amount } = statementDecimals(statement);
  const { freeTotal, notBilledTotal } = statementGroups(statement);
  drawTable(
    { title: 'Summary' },
    doc,
    [
      { header: '', width: 345, align: 'left' },
      { header: 'Messages', width: 70, align: 'right' },
      { header: `Amount (${currency})`, width: 80, align: 'right' },
    ],
    [
      { cells: ['Billed', count(statement.billedMessages), money(statement.exactTotal, amount)] },
      { cells: ['Unpriced (not in the total)', count(statement.unpricedMessages), ''] },
      { cells: ['Free', count(freeTotal), ''] },
      { cells: ['Not billed', count(notBilledTotal), ''] },
      {
        cells: ['Exact total', '', money(statement.exactTotal, amount)],
        ruled: true,
      },
      {
        cells: [
          `Total, rounded half-up to ${minor} decimals (estimate)`,
          '',
          { text: formatFixedDecimal(statement.total, minor), shortBy: amount - minor },
        ],
        bold: true,
      },
    ],
  );
}

function drawBilled(doc: PDFKit.PDFDocument, statement: StatementResult): void {
  const currency = statement.currency;
  const minor = currencyMinorUnits(currency);
  const decimals = statementDecimals(statement);
  drawTable(
    { title: 'Billed messages' },
    doc,
    [
      { header: 'Market', width: 96, align: 'left' },
      { header: 'Pricing category', width: 118, align: 'left' },
      { header: 'Volume tier', width: 108, align: 'left' },
      { header: 'Quantity', width: 48, align: 'right' },
      { header: `Rate (${currency})`, width: 55, align: 'right' },
      { header: `Amount (${currency})`, width: 70, align: 'right' },
    ],
    [
      ...statement.lines.map((line) => ({
        cells: [
          line.market,
          pricingCategoryLabel(line.pricingCategory),
          tierLabel(line.tier),
          count(line.quantity),
          money(line.rate, decimals.rate),
          money(line.amount, decimals.amount),
        ],
      })),
      {
        cells: [
          'Total billed (exact)',
          '',
          '',
          count(statement.billedMessages),
          '',
          money(statement.exactTotal, decimals.amount),
        ],
        bold: true,
        ruled: true,
      },
      {
        cells: [
          `Total, rounded half-up to ${minor} decimals`,
          '',
          '',
          '',
          '',
          { text: formatFixedDecimal(statement.total, minor), shortBy: decimals.amount - minor },
        ],
        bold: true,
      },
    ],
  );
}

function drawUnpriced(doc: PDFKit.PDFDocument, statement: StatementResult): void {
  drawTable(
    {
      title: 'Unpriced messages',
      description: 'Billable, but the rate card in force has no rate for them: not in the total.',
    },
    doc,
    [
      { header: 'Market', width: 210, align: 'left' },
      { header: 'Pricing category', width: 215, align: 'left' },
      { header: 'Quantity', width: 70, align: 'right' },
    ],
    [
      ...statement.unpriced.map((line) => ({
        cells: [line.market, pricingCategoryLabel(line.pricingCategory), count(line.quantity)],
      })),
      ...(statement.unpricedUnclassifiedMessages > 0
        ? [
            {
              cells: [
                UNCLASSIFIED_UNPRICED_LABEL,
                '',
                count(statement.unpricedUnclassifiedMessages),
              ],
            },
          ]
        : []),
      {
        cells: ['Total unpriced', '', count(statement.unpricedMessages)],
        bold: true,
        ruled: true,
      },
    ],
  );
}

function drawFree(doc: PDFKit.PDFDocument, statement: StatementResult): void {
  drawTable({ title: 'Free messages', description: 'Not charged by Meta.' }, doc, REASON_COLUMNS, [
    ...statement.free.map((line) => ({
      cells: [chargeReasonLabel(line.reason), count(line.quantity)],
    })),
    {
      cells: ['Total free', count(statementGroups(statement).freeTotal)],
      bold: true,
      ruled: true,
    },
  ]);
}

function drawNotBilled(doc: PDFKit.PDFDocument, statement: StatementResult): void {
  const { notBilled, notBilledTotal } = statementGroups(statement);
  const description =
    'Pending delivery (charged once delivered, so provisional), not delivered, or refused by Meta.';
  drawTable({ title: 'Not billed', description }, doc, REASON_COLUMNS, [
    ...notBilled.map((line) => ({ cells: [chargeReasonLabel(line.reason), count(line.quantity)] })),
    { cells: ['Total not billed', count(notBilledTotal)], bold: true, ruled: true },
  ]);
}

function count(quantity: number): string {
  return groupThousands(String(quantity));
}

function money(value: Decimal, decimals: number): string {
  return formatFixedDecimal(value, decimals);
}

/** Tables of up to this many rows start on a new page rather than split. */
const KEEP_TOGETHER_ROWS = 12;

/**
 * A section: its title (and a muted line saying what it holds), then its table, whose header is
 * repeated on each new page. A short table is kept whole with its title.
 */
function drawTable(
  heading: { title: string; description?: string },
  doc: PDFKit.PDFDocument,
  columns: readonly PdfColumn[],
  rows: PdfRow[],
): void {
  const kept = rows.length <= KEEP_TOGETHER_ROWS ? rows.length : 3;
  ensureSpace(doc, 24 + (heading.description ? 12 : 0) + (kept + 1) * ROW_HEIGHT);
  doc.moveDown(0.5);
  doc.font('Bold').fontSize(11.5).fillColor('black').text(heading.title, MARGIN);
  if (heading.description) {
    doc.font('Regular').fontSize(8.5).fillColor(MUTED).text(heading.description, MARGIN);
  }
  doc.fillColor('black').moveDown(0.3);
  const header: PdfRow = { cells: columns.map((column) => column.header), bold: true };
  const drawHeader = () => {
    drawRow(doc, columns, header);
    rule(doc, doc.y - 2);
  };
  drawHeader();
  for (const row of rows) {
    if (ensureSpace(doc, ROW_HEIGHT)) drawHeader();
    drawRow(doc, columns, row);
  }
  doc.x = MARGIN;
}

/**
 * One row at the current y. A left-aligned cell runs on over the empty cells after it (a totals
 * label); text that still does not fit ends with an ellipsis, but a right-aligned cell (a number)
 * is never cut: its font shrinks until it fits.
 */
function drawRow(doc: PDFKit.PDFDocument, columns: readonly PdfColumn[], row: PdfRow): void {
  const y = doc.y;
  if (row.ruled) rule(doc, y - 3);
  const font = row.bold ? 'TableBold' : 'Table';
  let x = MARGIN;
  columns.forEach((column, index) => {
    const cell = row.cells[index] ?? '';
    const text = typeof cell === 'string' ? cell : cell.text;
    let width = column.width;
    if (column.align === 'left' && text !== '') {
      for (let next = index + 1; next < columns.length && (row.cells[next] ?? '') === ''; next++) {
        width += columns[next].width;
      }
    }
    doc.font(font).fontSize(TABLE_FONT_SIZE);
    const pad = typeof cell === 'string' ? 0 : doc.widthOfString('0'.repeat(cell.shortBy));
    const room = width - 4 - pad;
    if (column.align === 'right') {
      let size = TABLE_FONT_SIZE;
      while (size > 5 && doc.fontSize(size).widthOfString(text) > room) size -= 0.5;
    }
    doc.text(text, x, y, {
      width: room,
      align: column.align,
      lineBreak: false,
      ellipsis: column.align === 'left',
      height: ROW_HEIGHT,
    });
    x += column.width;
  });
  doc.y = y + ROW_HEIGHT;
}

function rule(doc: PDFKit.PDFDocument, y: number): void {
  doc
    .save()
    .moveTo(MARGIN, y)
    .lineTo(doc.page.width - MARGIN, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke()
    .restore();
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
  const minor = currencyMinorUnits(currency);
  const width = doc.page.width - 2 * MARGIN;
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const line =
      `${statement.number} · exact total ${currency} ${groupThousands(formatExactAmount(statement.exactTotal, currency))} · ` +
      `total ${currency} ${formatFixedDecimal(statement.total, minor)} · page ${index + 1} of ${range.count}`;
    let size = 7.5;
    doc.font('Regular').fillColor(MUTED);
    while (size > 5 && doc.fontSize(size).widthOfString(line) > width) size -= 0.25;
    const y = doc.page.height - MARGIN - 6;
    doc.text(line, MARGIN, y, { width, align: 'center', lineBreak: false });
    doc.fontSize(7.5).text("Estimate, not Meta's invoice.", MARGIN, y + 11, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}
