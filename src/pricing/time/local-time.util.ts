const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();
// Offsets only change on quarter-hour boundaries (some zones shift by 30 or 45 minutes).
const BUCKET_MS = 15 * 60 * 1000;

export interface LocalDate {
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM */
  month: string;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar date and month of an instant in an IANA timezone. */
export function localDate(instant: Date, timeZone: string): LocalDate {
  const shifted = new Date(instant.getTime() + offsetMillis(instant, timeZone));
  const date = shifted.toISOString().slice(0, 10);
  return { date, month: date.slice(0, 7) };
}

/** The instant of 12am on a local calendar date (YYYY-MM-DD) in an IANA timezone. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const first = utcMidnight - offsetMillis(new Date(utcMidnight), timeZone);
  const second = utcMidnight - offsetMillis(new Date(first), timeZone);
  // Where a DST change skips midnight, the day starts at the first instant whose local date is it.
  const candidates = [first, second].filter(
    (instant) => localDate(new Date(instant), timeZone).date === date,
  );
  return new Date(candidates.length > 0 ? Math.min(...candidates) : second);
}

function offsetMillis(instant: Date, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const bucket = Math.floor(instant.getTime() / BUCKET_MS);
  const key = `${timeZone}|${bucket}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = computeOffset(new Date(bucket * BUCKET_MS), timeZone);
    if (offsetCache.size > 100_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

function computeOffset(instant: Date, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour % 24,
    parts.minute,
    parts.second,
  );
  return asUtc - (instant.getTime() - instant.getUTCMilliseconds());
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The month `count` months after a YYYY-MM month (negative counts go back). */
export function addMonths(month: string, count: number): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const index = year * 12 + (monthNumber - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function nextMonth(month: string): string {
  return addMonths(month, 1);
}
