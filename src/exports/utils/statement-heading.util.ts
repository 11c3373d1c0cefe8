import type { StatementResult, StatementWaba } from '../../reports/services/statement.service';

/** Printed on every statement document: what it is and what it is not. */
export const ESTIMATE_NOTICE =
  "This statement is an estimate computed from the messages this service recorded. It is not Meta's invoice; Meta bills from its own records.";

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Acme (portfolio pf-1)", or "Portfolio pf-1" when the portfolio has no name. */
export function portfolioDisplayName(statement: StatementResult): string {
  return statement.portfolioName
    ? `${statement.portfolioName} (portfolio ${statement.portfolioId})`
    : `Portfolio ${statement.portfolioId}`;
}

/** "Acme Brasil (WABA 1234)", or "WABA 1234" when the WABA has no name. */
export function wabaDisplayName(waba: Pick<StatementWaba, 'wabaId' | 'name'>): string {
  return waba.name ? `${waba.name} (WABA ${waba.wabaId})` : `WABA ${waba.wabaId}`;
}

/** "March 2026". */
export function monthName(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return `${MONTHS[number - 1]} ${year}`;
}

/** "1–31 March 2026" (the calendar days of the month). */
export function monthDays(month: string): string {
  const [year, number] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `1\u2013${lastDay} ${monthName(month)}`;
}

/** "1–31 March 2026, America/Sao_Paulo time", or each WABA's own time zone for a portfolio. */
export function statementPeriod(statement: StatementResult): string {
  if (statement.timezone) return `${monthDays(statement.month)}, ${statement.timezone} time`;
  return `${monthDays(statement.month)}, each account in its own time zone`;
}

/** The WABAs a statement covers, with their time zones: "Acme Brasil (WABA a), America/Sao_Paulo". */
export function coveredWabas(statement: StatementResult): string[] {
  return statement.wabas.map((waba) => `${wabaDisplayName(waba)}, ${waba.timezone}`);
}

/** An instant as "2026-04-02 10:05 UTC". */
export function utcMinute(instant: Date): string {
  return `${instant.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "INR (₹)", "EUR (€)", "USD ($)"; the code alone when the currency has no symbol of its own. */
export function currencyWithSymbol(currency: string): string {
  const symbol = new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
  })
    .formatToParts(0)
    .find((part) => part.type === 'currency')?.value;
  return symbol && symbol !== currency ? `${currency} (${symbol})` : currency;
}
