import { formatMinorUnits, toDecimalString } from '../../pricing/money';
import type { StatementResult } from '../../reports/services/statement.service';
import { moneyNumberFormat } from '../utils/money-number-format.util';
import { DecimalCell, type Row, type Sheet, type Table } from '../writers/table.types';

const RATE_FORMAT = '0.00####';

/**
 * The statement as one CSV table; the first column says what each row is: LINE (billed),
 * FREE (by reason), NOT_BILLED (pending, unpriced, not delivered, rejected), TOTAL (exact) and
 * TOTAL_ROUNDED (half-up to the currency's minor unit).
 */
export function statementCsvTable(statement: StatementResult): Table {
  const currency = statement.currency;
  const amount = (value: string) => new DecimalCell(value, moneyNumberFormat(currency));
  const rows: Row[] = [
    ...statement.lines.map((line) => [
      'LINE',
      line.market,
      line.pricingCategory,
      line.tier,
      'BILLED',
      line.quantity,
      new DecimalCell(toDecimalString(line.rate), RATE_FORMAT),
      amount(toDecimalString(line.amount)),
      currency,
    ]),
    ...statement.free.map((line) => [
      'FREE',
      null,
      null,
      null,
      line.reason,
      line.quantity,
      null,
      null,
      currency,
    ]),
    ...notBilled(statement).map(([reason, quantity]) => [
      'NOT_BILLED',
      null,
      null,
      null,
      reason,
      quantity,
      null,
      null,
      currency,
    ]),
    [
      'TOTAL',
      null,
      null,
      null,
      null,
      statement.billedMessages,
      null,
      amount(toDecimalString(statement.exactTotal)),
      currency,
    ],
    [
      'TOTAL_ROUNDED',
      null,
      null,
      null,
      null,
      null,
      null,
      amount(formatMinorUnits(statement.total, currency)),
      currency,
    ],
  ];
  return {
    columns: [
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

/** Lines, Free and Summary sheets; money cells are numbers with the currency's format. */
export function statementSheets(statement: StatementResult): Sheet[] {
  const currency = statement.currency;
  const amount = (value: string) => new DecimalCell(value, moneyNumberFormat(currency));
  return [
    {
      name: 'Lines',
      columns: [
        { header: 'Market', width: 28 },
        { header: 'Pricing category', width: 30 },
        { header: 'Tier', width: 20 },
        { header: 'Quantity', width: 12 },
        { header: 'Rate', width: 12 },
        { header: 'Amount', width: 18 },
      ],
      rows: statement.lines.map((line) => [
        line.market,
        line.pricingCategory,
        line.tier,
        line.quantity,
        new DecimalCell(toDecimalString(line.rate), RATE_FORMAT),
        amount(toDecimalString(line.amount)),
      ]),
      footer: [
        [
          'Total',
          null,
          null,
          statement.billedMessages,
          null,
          amount(toDecimalString(statement.exactTotal)),
        ],
        [
          'Total (rounded)',
          null,
          null,
          null,
          null,
          amount(formatMinorUnits(statement.total, currency)),
        ],
      ],
    },
    {
      name: 'Free',
      columns: [
        { header: 'Reason', width: 34 },
        { header: 'Quantity', width: 12 },
      ],
      rows: [
        ...statement.free.map((line) => [line.reason, line.quantity]),
        ...notBilled(statement),
      ],
      footer: [['Total free', statement.free.reduce((sum, line) => sum + line.quantity, 0)]],
    },
    {
      name: 'Summary',
      columns: [
        { header: 'Field', width: 24 },
        { header: 'Value', width: 48 },
      ],
      rows: [
        ['Month', statement.month],
        ['WABA', statement.wabaId],
        ['Portfolio', statement.portfolioId],
        ['WABAs covered', statement.wabaIds.join(', ')],
        ['Timezone', statement.timezone],
        ['Currency', currency],
        ['Rate cards', statement.rateCards.join('; ')],
        ['Billed messages', statement.billedMessages],
        ['Pending messages', statement.pendingMessages],
        ['Unpriced messages', statement.unpricedMessages],
        ['Not delivered messages', statement.notDeliveredMessages],
        ['Rejected messages', statement.rejectedMessages],
        ['Exact total', amount(toDecimalString(statement.exactTotal))],
      ],
      footer: [['Total', amount(formatMinorUnits(statement.total, currency))]],
    },
  ];
}

function notBilled(statement: StatementResult): [string, number][] {
  return [
    ['PENDING', statement.pendingMessages],
    ['NO_RATE', statement.unpricedMessages],
    ['NOT_DELIVERED', statement.notDeliveredMessages],
    ['REJECTED_OUTSIDE_WINDOW', statement.rejectedMessages],
  ];
}
