/** The statement fields the demo prints (GraphQL `monthlyStatement`). */
export interface DemoStatement {
  number: string;
  portfolioName: string | null;
  wabaName: string | null;
  month: string;
  currency: string;
  timezone: string | null;
  total: string;
  exactTotal: string;
  billedMessages: number;
  pendingMessages: number;
  unpricedMessages: number;
  notDeliveredMessages: number;
  lines: {
    market: string;
    pricingCategory: string;
    tier: string | null;
    quantity: number;
    rate: string;
    amount: string;
  }[];
  free: { reason: string; quantity: number }[];
}

export const DEMO_STATEMENT_QUERY = `query($input: StatementInput!) { monthlyStatement(input: $input) {
  number portfolioName wabaName month currency timezone total exactTotal billedMessages pendingMessages unpricedMessages notDeliveredMessages
  lines { market pricingCategory tier quantity rate amount } free { reason quantity } } }`;

/** A statement as a plain-text table: billed lines, free messages by reason, the rest, the total. */
export function formatDemoStatement(statement: DemoStatement, wabaId: string): string {
  const headers = ['market', 'category', 'tier', 'quantity', 'rate', 'amount'];
  const rows = statement.lines.map((line) => [
    line.market,
    line.pricingCategory,
    line.tier ?? '',
    count(line.quantity),
    line.rate,
    line.amount,
  ]);
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  );
  const numeric = new Set([3, 4, 5]);
  const format = (row: string[]) =>
    `  ${row
      .map((cell, column) =>
        numeric.has(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd()}`;
  const where = statement.timezone ? ` (${statement.timezone})` : '';
  const out = [
    `Statement ${statement.number}: ${statement.portfolioName ?? 'unnamed business'}, ${statement.wabaName ?? 'WABA'} (${wabaId})`,
    `  ${statement.month}${where}, ${statement.currency}`,
    format(headers),
    ...rows.map(format),
    `  Free: ${statement.free.map((line) => `${line.reason} ${count(line.quantity)}`).join(', ') || 'none'}`,
    `  Not delivered ${count(statement.notDeliveredMessages)}, pending ${count(statement.pendingMessages)}, unpriced (no rate in the card in force) ${count(statement.unpricedMessages)}`,
    `  Total ${statement.total} ${statement.currency} for ${count(statement.billedMessages)} billed messages (exact ${statement.exactTotal})`,
  ];
  return `${out.join('\n')}\n`;
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}
