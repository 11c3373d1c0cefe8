import { toDecimalString } from '../../pricing/money';
import type { CostFigures, CostReportResult } from '../../reports/services/cost-report.service';
import { moneyNumberFormat } from '../utils/money-number-format.util';
import { DecimalCell, type Row, type Sheet, type Table } from '../writers/table.types';

const TITLES: Record<string, string> = {
  month: 'Month (WABA time zone)',
  phone_number_id: 'Phone number ID',
  market: 'Market',
  pricing_category: 'Pricing category',
  currency: 'Currency',
  messages: 'Messages',
  billable_messages: 'Billable messages',
  free_messages: 'Free messages',
  amount: 'Amount',
};

const HEADERS = [
  'month',
  'phone_number_id',
  'market',
  'pricing_category',
  'currency',
  'messages',
  'billable_messages',
  'free_messages',
  'amount',
];

/** The cost report by month, phone number, market and category; a TOTAL row per currency. */
export function costReportCsvTable(report: CostReportResult): Table {
  return {
    columns: ['section', ...HEADERS].map((header) => ({ header })),
    rows: [
      ...report.rows.map((row) => ['ROW', ...reportRow(row)]),
      ...report.totals.map((total) => ['TOTAL', ...totalRow(total, null)]),
    ],
  };
}

export function costReportSheets(report: CostReportResult): Sheet[] {
  return [
    {
      name: 'Report',
      columns: HEADERS.map((header) => ({
        header,
        title: TITLES[header],
        width: header === 'market' ? 28 : 18,
      })),
      rows: report.rows.map(reportRow),
      footer: report.totals.map((total) => totalRow(total, 'Total')),
    },
  ];
}

function reportRow(row: CostReportResult['rows'][number]): Row {
  return [
    row.dimensions.month ?? null,
    row.dimensions.phoneNumberId ?? null,
    row.dimensions.market ?? null,
    row.dimensions.pricingCategory ?? null,
    ...figures(row),
  ];
}

function totalRow(total: CostFigures, label: string | null): Row {
  return [label, null, null, null, ...figures(total)];
}

function figures(figures: CostFigures): Row {
  return [
    figures.currency,
    figures.messages,
    figures.billableMessages,
    figures.freeMessages,
    new DecimalCell(toDecimalString(figures.amount), moneyNumberFormat(figures.currency)),
  ];
}
