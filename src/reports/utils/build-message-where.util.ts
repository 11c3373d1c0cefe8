import type { SqlParameters } from '../../database/sql-dialect';

/** Which messages a report reads; every list is a set (an empty list matches nothing). */
export interface MessageScope {
  from?: Date;
  to?: Date;
  months?: readonly string[];
  wabaIds?: readonly string[];
  phoneNumberIds?: readonly string[];
  portfolioIds?: readonly string[];
  markets?: readonly string[];
  countries?: readonly string[];
  pricingCategories?: readonly string[];
  origins?: readonly string[];
  reasons?: readonly string[];
  currencies?: readonly string[];
}

const LIST_COLUMNS: readonly [keyof MessageScope, string][] = [
  ['months', 'charge_month'],
  ['wabaIds', 'waba_id'],
  ['phoneNumberIds', 'phone_number_id'],
  ['portfolioIds', 'portfolio_id'],
  ['markets', 'charge_market'],
  ['countries', 'charge_country'],
  ['pricingCategories', 'charge_pricing_category'],
  ['origins', 'origin'],
  ['reasons', 'charge_reason'],
  ['currencies', 'charge_currency'],
];

/** The WHERE conditions (joined by AND) for a scope; `from`/`to` are half-open on charge_at. */
export function buildMessageWhere(scope: MessageScope, parameters: SqlParameters): string {
  const conditions: string[] = [];
  if (scope.from) conditions.push(`charge_at >= ${parameters.add(scope.from.getTime())}`);
  if (scope.to) conditions.push(`charge_at < ${parameters.add(scope.to.getTime())}`);
  for (const [key, column] of LIST_COLUMNS) {
    const values = scope[key] as readonly string[] | undefined;
    if (values === undefined) continue;
    conditions.push(values.length === 0 ? '1 = 0' : `${column} IN (${parameters.list(values)})`);
  }
  return conditions.length === 0 ? '1 = 1' : conditions.join(' AND ');
}
