import { money, toDecimalString } from '../../pricing/money';
import type { MessageExportRow } from '../services/message-export-query.service';
import { moneyNumberFormat } from '../utils/money-number-format.util';
import { DecimalCell, type Row, type TableColumn } from '../writers/table.types';

export const MESSAGE_COLUMNS: readonly TableColumn[] = [
  { header: 'wamid', title: 'WhatsApp message ID (wamid)', width: 40 },
  { header: 'waba_id', title: 'WABA ID', width: 18 },
  { header: 'phone_number_id', title: 'Phone number ID', width: 18 },
  { header: 'direction', title: 'Direction', width: 10 },
  { header: 'origin', title: 'Origin', width: 16 },
  { header: 'contact', title: 'Contact', width: 16 },
  { header: 'template_name', title: 'Template name', width: 24 },
  { header: 'template_category', title: 'Template category', width: 16 },
  { header: 'sent_at', title: 'Sent at (UTC)', width: 24 },
  { header: 'delivered_at', title: 'Delivered at (UTC)', width: 24 },
  { header: 'status', title: 'Status', width: 10 },
  { header: 'month', title: 'Month (WABA time zone)', width: 12 },
  { header: 'billable', title: 'Billable', width: 9 },
  { header: 'reason', title: 'Charge reason', width: 28 },
  { header: 'pricing_category', title: 'Pricing category', width: 28 },
  { header: 'market', title: 'Market', width: 24 },
  { header: 'country', title: 'Country', width: 8 },
  { header: 'tier', title: 'Volume tier', width: 18 },
  { header: 'rate', title: 'Rate', width: 10 },
  { header: 'amount', title: 'Amount', width: 12 },
  { header: 'currency', title: 'Currency', width: 9 },
  { header: 'source', title: 'Source', width: 9 },
  { header: 'explanation', title: 'Explanation', width: 60 },
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
    // Spelled as the API's MessageStatus (stored in lower case).
    row.status.toUpperCase(),
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
