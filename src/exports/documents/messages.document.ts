import { money, toDecimalString } from '../../pricing/money';
import type { MessageExportRow } from '../services/message-export-query.service';
import { moneyNumberFormat } from '../utils/money-number-format.util';
import { DecimalCell, type Row, type TableColumn } from '../writers/table.types';

export const MESSAGE_COLUMNS: readonly TableColumn[] = [
  { header: 'wamid', width: 40 },
  { header: 'waba_id', width: 18 },
  { header: 'phone_number_id', width: 18 },
  { header: 'direction', width: 10 },
  { header: 'origin', width: 16 },
  { header: 'contact', width: 16 },
  { header: 'template_name', width: 24 },
  { header: 'template_category', width: 16 },
  { header: 'sent_at', width: 20 },
  { header: 'delivered_at', width: 20 },
  { header: 'status', width: 10 },
  { header: 'month', width: 9 },
  { header: 'billable', width: 9 },
  { header: 'reason', width: 28 },
  { header: 'pricing_category', width: 28 },
  { header: 'market', width: 24 },
  { header: 'country', width: 8 },
  { header: 'tier', width: 18 },
  { header: 'rate', width: 10 },
  { header: 'amount', width: 12 },
  { header: 'currency', width: 9 },
  { header: 'source', width: 9 },
  { header: 'explanation', width: 60 },
];

const RATE_FORMAT = '0.00####';

/** One message with its charge; exact rate and amount, instants in UTC. */
export function messageRow(row: MessageExportRow): Row {
  return [
    row.wamid,
    row.waba_id,
    row.phone_number_id,
    row.direction,
    row.origin,
    row.contact,
    row.template_name,
    row.template_category,
    instant(row.sent_at),
    instant(row.delivered_at),
    row.status,
    row.charge_month,
    Boolean(row.charge_billable),
    row.charge_reason,
    row.charge_pricing_category,
    row.charge_market,
    row.charge_country,
    row.charge_tier,
    row.charge_rate === null
      ? null
      : new DecimalCell(toDecimalString(money(row.charge_rate)), RATE_FORMAT),
    new DecimalCell(
      toDecimalString(money(row.charge_amount)),
      moneyNumberFormat(row.charge_currency),
    ),
    row.charge_currency,
    row.charge_source,
    row.charge_explanation,
  ];
}

function instant(value: string | number | null): Date | null {
  return value === null ? null : new Date(Number(value));
}
