import type Decimal from 'decimal.js';
import { currencyMinorUnits, formatMinorUnits, toDecimalString } from '../../pricing/money';
import type { ChargeReason } from '../../pricing/pricing.types';
import type { StatementResult } from '../../reports/services/statement.service';
import {
  UNCLASSIFIED_UNPRICED_LABEL,
  chargeReasonLabel,
  pricingCategoryLabel,
  tierLabel,
} from '../utils/charge-labels.util';
import { columnDecimals } from '../utils/decimal-column.util';
import { fixedNumberFormat } from '../utils/money-number-format.util';
import {
  ESTIMATE_NOTICE,
  coveredWabas,
  currencyWithSymbol,
  portfolioDisplayName,
  statementPeriod,
  wabaDisplayName,
} from '../utils/statement-heading.util';
import { DecimalCell, type Row, type Sheet, type Table } from '../writers/table.types';

/** Reasons that are neither billed, free nor unpriced. */
export const NOT_BILLED_REASONS: readonly ChargeReason[] = [
  'PENDING',
  'NOT_DELIVERED',
  'REJECTED_OUTSIDE_WINDOW',
];

/** The statement's counts by group: each group is shown apart with its own total. */
export function statementGroups(statement: StatementResult): {
  notBilled: { reason: ChargeReason; quantity: number }[];
  freeTotal: number;
  notBilledTotal: number;
} {
  const notBilled = NOT_BILLED_REASONS.map((reason) => ({
    reason,
    quantity:
      reason === 'PENDING'
        ? statement.pendingMessages
        : reason === 'NOT_DELIVERED'
          ? statement.notDeliveredMessages
          : statement.rejectedMessages,
  }));
  return {
    notBilled,
    freeTotal: statement.free.reduce((sum, line) => sum + line.quantity, 0),
    notBilledTotal: notBilled.reduce((sum, line) => sum + line.quantity, 0),
  };
}

/**
 * Decimals of the statement's money columns: rates as many as the most precise rate needs,
 * amounts (lines and exact total) as many as the most precise needs and at least the currency's
 * minor unit, so every value is shown exactly and decimal points align.
 */
export function statementDecimals(statement: StatementResult): { rate: number; amount: number } {
  const minor = currencyMinorUnits(statement.currency);
  return {
    rate: columnDecimals(
      statement.lines.map((line) => line.rate),
      minor,
    ),
    amount: columnDecimals(
      [...statement.lines.map((line) => line.amount), statement.exactTotal],
      minor,
    ),
  };
}

/**
 * The statement as one CSV table for machines (codes, exact decimals); the first column is the
 * statement number, the second says what each row is: LINE (billed), UNPRICED (by market and
 * category; empty market and category for those whose market or category is unknown),
 * UNPRICED_TOTAL, FREE (by reason), FREE_TOTAL, NOT_BILLED (pending, not delivered, rejected),
 * NOT_BILLED_TOTAL, TOTAL (exact) and TOTAL_ROUNDED (half-up to the currency's minor unit).
 */
export function statementCsvTable(statement: StatementResult): Table {
  const currency = statement.currency;
  const { notBilled, freeTotal, notBilledTotal } = statementGroups(statement);
  const exact = (value: Decimal) => new DecimalCell(toDecimalString(value), '0.######');
  const row = (
    section: string,
    cells: Partial<Record<'market' | 'category' | 'tier' | 'reason', string | null>>,
    quantity: number | null,
    rate: DecimalCell | null = null,
    amount: DecimalCell | null = null,
  ): Row => [
    statement.number,
    section,
    cells.market ?? null,
    cells.category ?? null,
    cells.tier ?? null,
    cells.reason ?? null,
    quantity,
    rate,
    amount,
    currency,
  ];
  const rows: Row[] = [
    ...statement.lines.map((line) =>
      row(
        'LINE',
        {
          market: line.market,
          category: line.pricingCategory,
          tier: line.tier,
          reason: 'BILLED',
        },
        line.quantity,
        exact(line.rate),
        exact(line.amount),
      ),
    ),
    ...statement.unpriced.map((line) =>
      row(
        'UNPRICED',
        { market: line.market, category: line.pricingCategory, reason: 'NO_RATE' },
        line.quantity,
      ),
    ),
    ...(statement.unpricedUnclassifiedMessages > 0
      ? [row('UNPRICED', { reason: 'NO_RATE' }, statement.unpricedUnclassifiedMessages)]
      : []),
    row('UNPRICED_TOTAL', {}, statement.unpricedMessages),
    ...statement.free.map((line) => row('FREE', { reason: line.reason }, line.quantity)),
    row('FREE_TOTAL', {}, freeTotal),
    ...notBilled.map((line) => row('NOT_BILLED', { reason: line.reason }, line.quantity)),
    row('NOT_BILLED_TOTAL', {}, notBilledTotal),
    row('TOTAL', {}, statement.billedMessages, null, exact(statement.exactTotal)),
    row(
      'TOTAL_ROUNDED',
      {},
      null,
      null,
      new DecimalCell(formatMinorUnits(statement.total, currency), '0.##'),
    ),
  ];
  return {
    columns: [
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
    ].map((header) => ({ header })),
    rows,
  };
}

/**
 * Summary, Billed, Unpriced, Free and Not billed sheets with readable headers and labels. Money
 * cells are numbers formatted with the decimals their column needs (rounded total padded to
 * align), so each shows exactly; the issue instant is a UTC date cell.
 */
export function statementSheets(statement: StatementResult): Sheet[] {
  const currency = statement.currency;
  const minor = currencyMinorUnits(currency);
  const decimals = statementDecimals(statement);
  const { notBilled, freeTotal, notBilledTotal } = statementGroups(statement);
  const amount = (value: Decimal) =>
    new DecimalCell(toDecimalString(value), fixedNumberFormat(decimals.amount, currency));
  const roundedTotal = new DecimalCell(
    toDecimalString(statement.total),
    fixedNumberFormat(minor, currency, decimals.amount),
  );
  const rate = (value: Decimal) =>
    new DecimalCell(toDecimalString(value), fixedNumberFormat(decimals.rate));
  const roundedLabel = `Total (rounded half-up to ${minor} decimals)`;
  return [
    {
      name: 'Summary',
      columns: [
        { header: 'Item', width: 34 },
        { header: 'Value', width: 70 },
      ],
      rows: [
        ['Statement number', statement.number],
        ['Issued (UTC)', statement.issuedAt],
        ['Business', portfolioDisplayName(statement)],
        statement.wabaId
          ? [
              'WhatsApp Business account',
              wabaDisplayName({ wabaId: statement.wabaId, name: statement.wabaName }),
            ]
          : ['WhatsApp Business accounts', coveredWabas(statement).join('; ')],
        ['Period', statementPeriod(statement)],
        ['Currency', currencyWithSymbol(currency)],
        ['Rate cards', statement.rateCards.length > 0 ? statement.rateCards.join('; ') : 'none'],
        ['Billed messages', statement.billedMessages],
        ['Unpriced messages (not in the total)', statement.unpricedMessages],
        ['Free messages', freeTotal],
        ['Not billed messages', notBilledTotal],
        ['Exact total', amount(statement.exactTotal)],
        ['Note', ESTIMATE_NOTICE],
      ],
      footer: [[roundedLabel, roundedTotal]],
    },
    {
      name: 'Billed',
      columns: [
        { header: 'Market', width: 28 },
        { header: 'Pricing category', width: 34 },
        { header: 'Volume tier', width: 28 },
        { header: 'Quantity', width: 12 },
        { header: `Rate (${currency})`, width: 14 },
        { header: 'Amount', width: 20 },
      ],
      rows: statement.lines.map((line) => [
        line.market,
        pricingCategoryLabel(line.pricingCategory),
        tierLabel(line.tier),
        line.quantity,
        rate(line.rate),
        amount(line.amount),
      ]),
      footer: [
        ['Total billed', null, null, statement.billedMessages, null, amount(statement.exactTotal)],
        [roundedLabel, null, null, null, null, roundedTotal],
      ],
    },
    {
      name: 'Unpriced',
      columns: [
        { header: 'Market', width: 28 },
        { header: 'Pricing category', width: 34 },
        { header: 'Quantity', width: 12 },
      ],
      rows: [
        ...statement.unpriced.map((line) => [
          line.market,
          pricingCategoryLabel(line.pricingCategory),
          line.quantity,
        ]),
        ...(statement.unpricedUnclassifiedMessages > 0
          ? [[UNCLASSIFIED_UNPRICED_LABEL, null, statement.unpricedUnclassifiedMessages]]
          : []),
      ],
      footer: [['Total unpriced', null, statement.unpricedMessages]],
    },
    {
      name: 'Free',
      columns: [
        { header: 'Reason', width: 50 },
        { header: 'Quantity', width: 12 },
      ],
      rows: statement.free.map((line) => [chargeReasonLabel(line.reason), line.quantity]),
      footer: [['Total free', freeTotal]],
    },
    {
      name: 'Not billed',
      columns: [
        { header: 'Reason', width: 60 },
        { header: 'Quantity', width: 12 },
      ],
      rows: notBilled.map((line) => [chargeReasonLabel(line.reason), line.quantity]),
      footer: [['Total not billed', notBilledTotal]],
    },
  ];
}
