/** The calendar month before today's (UTC), YYYY-MM: the last whole month. */
export function lastWholeMonth(today = new Date()): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

export function previousMonth(month: string): string {
  const [year, value] = month.split('-').map(Number);
  return new Date(Date.UTC(year, value - 2, 1)).toISOString().slice(0, 7);
}

/**
 * The UTC month widened by a day on each side, with the month filter: exactly the WABA-local
 * month the statement covers, read from the rollups (docs/reports.md, "Month versus from/to").
 */
export function monthRange(month: string): { from: string; to: string } {
  const [year, value] = month.split('-').map(Number);
  return {
    from: new Date(Date.UTC(year, value - 1, 0)).toISOString(),
    to: new Date(Date.UTC(year, value, 2)).toISOString(),
  };
}
