import type Decimal from 'decimal.js';
import type { MetaReconciliationResult } from '../../meta-analytics/services/meta-reconciliation.service';
import { toDecimalString } from '../../pricing/money';
import { moneyNumberFormat } from '../utils/money-number-format.util';
import { DecimalCell, type Row, type Sheet, type Table } from '../writers/table.types';

const COLUMNS: { header: string; title: string; width: number }[] = [
  { header: 'day', title: 'Day (WABA time zone)', width: 14 },
  { header: 'waba_id', title: 'WABA ID', width: 18 },
  { header: 'country', title: 'Country', width: 9 },
  { header: 'pricing_category', title: 'Pricing category', width: 28 },
  { header: 'pricing_type', title: 'Pricing type', width: 28 },
  { header: 'tier', title: 'Tier', width: 18 },
  { header: 'meta_volume', title: "Meta's volume", width: 12 },
  { header: 'our_volume', title: 'Our volume', width: 12 },
  { header: 'volume_difference', title: 'Volume difference (Meta − ours)', width: 14 },
  { header: 'meta_cost', title: "Meta's cost", width: 16 },
  { header: 'our_cost', title: 'Our cost', width: 16 },
  { header: 'cost_difference', title: 'Cost difference (Meta − ours)', width: 16 },
  { header: 'currency', title: 'Currency', width: 9 },
  { header: 'cause', title: 'Likeliest cause', width: 24 },
  { header: 'within_rounding', title: "Within Meta's rounding", width: 12 },
  { header: 'explanation', title: 'Explanation', width: 80 },
];

/** The reconciliation's lines, then a TOTAL row (CSV: first column says which). */
export function metaReconciliationCsvTable(result: MetaReconciliationResult): Table {
  return {
    columns: [{ header: 'section' }, ...COLUMNS.map(({ header }) => ({ header }))],
    rows: [
      ...result.lines.map((line) => ['LINE', ...lineRow(result, line)]),
      ['TOTAL', ...totalRow(result, null)],
    ],
  };
}

export function metaReconciliationSheets(result: MetaReconciliationResult): Sheet[] {
  return [
    {
      name: 'Meta reconciliation',
      columns: COLUMNS,
      rows: result.lines.map((line) => lineRow(result, line)),
      footer: [totalRow(result, 'Total (every key, differing or not)')],
    },
  ];
}

function lineRow(
  result: MetaReconciliationResult,
  line: MetaReconciliationResult['lines'][number],
): Row {
  return [
    line.day,
    line.wabaId,
    line.country,
    line.pricingCategory,
    line.pricingType,
    line.tier,
    line.metaVolume,
    line.ourVolume,
    line.metaVolume - line.ourVolume,
    amount(line.metaCost, result.currency),
    amount(line.ourCost, result.currency),
    amount(line.metaCost.minus(line.ourCost), result.currency),
    result.currency,
    line.cause,
    line.withinRounding,
    line.explanation,
  ];
}

function totalRow(result: MetaReconciliationResult, label: string | null): Row {
  return [
    label,
    null,
    null,
    null,
    null,
    null,
    result.metaVolume,
    result.ourVolume,
    result.metaVolume - result.ourVolume,
    amount(result.metaCost, result.currency),
    amount(result.ourCost, result.currency),
    amount(result.metaCost.minus(result.ourCost), result.currency),
    result.currency,
    null,
    null,
    null,
  ];
}

function amount(value: Decimal, currency: string): DecimalCell {
  return new DecimalCell(toDecimalString(value), moneyNumberFormat(currency));
}
