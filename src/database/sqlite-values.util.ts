/** A value as SQLite stores it: instants as epoch milliseconds, booleans as 0 and 1. */
export function encodeSqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
