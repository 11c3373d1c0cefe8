import type { OverviewQuery } from '../gql/graphql';
import { addDecimals, formatCount, formatMoney, label } from './format';
import type { ChartPoint } from '../components/Chart';

interface Row {
  currency: string;
  amount: string;
  messages: number;
}

/**
 * Sums report rows by one of their dimensions, exactly (decimal strings): the market and category
 * charts come from one MARKET × PRICING_CATEGORY report, one read of the rollups instead of two.
 */
export function sumBy<R extends Row>(
  rows: readonly R[],
  currency: string,
  key: (row: R) => string,
): { name: string; amount: string; messages: number }[] {
  const groups = new Map<string, { amounts: string[]; messages: number }>();
  for (const row of rows) {
    if (row.currency !== currency) continue;
    const name = key(row);
    const group = groups.get(name) ?? { amounts: [], messages: 0 };
    group.amounts.push(row.amount);
    group.messages += row.messages;
    groups.set(name, group);
  }
  return [...groups.entries()].map(([name, group]) => ({
    name,
    amount: addDecimals(group.amounts),
    messages: group.messages,
  }));
}

export function moneyPoints(
  groups: readonly { name: string; amount: string }[],
  currency: string,
): ChartPoint[] {
  return groups.map((group) => ({
    name: group.name,
    // The bar's height only; the exact figure is the label.
    value: Number(group.amount),
    label: formatMoney(group.amount, currency),
  }));
}

/** Billed, unpriced, every free reason and the not-billed ones, from the statement's counts. */
export function reasonPoints(statement: OverviewQuery['statement']): ChartPoint[] {
  const counts: [string, number][] = [
    ['BILLED', statement.billedMessages],
    ['NO_RATE', statement.unpricedMessages],
    ...statement.free.map((line): [string, number] => [line.reason, line.quantity]),
    ['PENDING', statement.pendingMessages],
    ['NOT_DELIVERED', statement.notDeliveredMessages],
    ['REJECTED_OUTSIDE_WINDOW', statement.rejectedMessages],
  ];
  return counts
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({
      name: label(reason),
      value: count,
      label: `${formatCount(count)} messages`,
    }));
}
