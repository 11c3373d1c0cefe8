export type JsonObject = Record<string, unknown>;

/** Thrown by item parsers; the caller records it as a problem and skips only that item. */
export class PayloadProblem extends Error {}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The longest values stored, by kind (the columns they go to). An identifier longer than its
 * limit, or holding a NUL byte (PostgreSQL text cannot), is refused: its item is skipped with a
 * problem naming the field. Text is stored cleaned: NUL bytes removed, cut to its limit.
 */
export const FIELD_LIMITS = {
  /** WABA and phone number ids. */
  accountId: 64,
  /** A wamid: room is left for a group delivery's `~participant` in the 512 of the column. */
  wamid: 255,
  /** A customer's phone number or business-scoped user id, a group id. */
  person: 256,
  /** A template name, a click id. */
  longText: 512,
  /** Free text kept for display or matching (types, categories, names). */
  text: 256,
} as const;

const NUL = '\u0000';

function raw(obj: JsonObject, key: string): string | undefined {
  const value = obj[key];
  if (typeof value === 'string') return value === '' ? undefined : value;
  // Meta sends some ids (entry ids, template ids) as JSON numbers.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function codePoints(value: string): number {
  return Array.from(value).length;
}

/** Text: NUL bytes removed and cut to `maxLength` characters (code points). */
export function readString(
  obj: JsonObject,
  key: string,
  maxLength: number = FIELD_LIMITS.text,
): string | undefined {
  const value = raw(obj, key);
  if (value === undefined) return undefined;
  const clean = value.includes(NUL) ? value.split(NUL).join('') : value;
  if (clean.length <= maxLength) return clean === '' ? undefined : clean;
  return Array.from(clean).slice(0, maxLength).join('');
}

export function requireString(
  obj: JsonObject,
  key: string,
  path: string,
  maxLength: number = FIELD_LIMITS.text,
): string {
  const value = readString(obj, key, maxLength);
  if (value === undefined) throw new PayloadProblem(`${path}: missing ${key}`);
  return value;
}

/** An identifier: refused (PayloadProblem) when it holds a NUL byte or is longer than its limit. */
export function readId(
  obj: JsonObject,
  key: string,
  path: string,
  maxLength: number,
): string | undefined {
  const value = raw(obj, key);
  if (value === undefined) return undefined;
  if (value.includes(NUL)) throw new PayloadProblem(`${path}: ${key} contains a NUL byte`);
  if (value.length > maxLength && codePoints(value) > maxLength) {
    throw new PayloadProblem(`${path}: ${key} is longer than ${maxLength} characters`);
  }
  return value;
}

export function requireId(obj: JsonObject, key: string, path: string, maxLength: number): string {
  const value = readId(obj, key, path, maxLength);
  if (value === undefined) throw new PayloadProblem(`${path}: missing ${key}`);
  return value;
}

export function readNumber(obj: JsonObject, key: string): number | undefined {
  const value = obj[key];
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

export function requireNumber(obj: JsonObject, key: string, path: string): number {
  const value = readNumber(obj, key);
  if (value === undefined) throw new PayloadProblem(`${path}: missing ${key}`);
  return value;
}

export function readBoolean(obj: JsonObject, key: string): boolean | undefined {
  const value = obj[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function readObject(obj: JsonObject, key: string): JsonObject | undefined {
  const value = obj[key];
  return isJsonObject(value) ? value : undefined;
}

export function requireObject(obj: JsonObject, key: string, path: string): JsonObject {
  const value = readObject(obj, key);
  if (value === undefined) throw new PayloadProblem(`${path}: missing ${key}`);
  return value;
}

/** WhatsApp Business started in 2018; anything past 2100 is not a real event time. */
const EARLIEST_TIMESTAMP = Date.parse('2009-01-01T00:00:00Z') / 1000;
const LATEST_TIMESTAMP = Date.parse('2100-01-01T00:00:00Z') / 1000;

/** Unix seconds, as a string of digits or a number, between 2009 and 2100. */
export function readTimestamp(obj: JsonObject, key: string, path: string): Date | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const seconds =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (
    (typeof value === 'string' && !/^\d{1,12}$/.test(value)) ||
    !Number.isFinite(seconds) ||
    seconds < 0
  ) {
    throw new PayloadProblem(`${path}: invalid ${key}`);
  }
  if (seconds < EARLIEST_TIMESTAMP || seconds >= LATEST_TIMESTAMP) {
    throw new PayloadProblem(`${path}: ${key} is outside 2009-2099`);
  }
  return new Date(seconds * 1000);
}

export function requireTimestamp(obj: JsonObject, key: string, path: string): Date {
  const value = readTimestamp(obj, key, path);
  if (value === undefined) throw new PayloadProblem(`${path}: missing ${key}`);
  return value;
}

/** The array at obj[key]; absent gives [], anything else but an array is a problem. */
export function itemsAt(obj: JsonObject, key: string, path: string, problems: string[]): unknown[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  problems.push(`${path}: ${key} must be an array`);
  return [];
}

/** Parses each item; a bad item becomes a problem ("path[i]: reason") and the others survive. */
export function parseEach<T>(
  items: readonly unknown[],
  path: string,
  problems: string[],
  parse: (item: JsonObject, itemPath: string) => T,
): T[] {
  return items.flatMap((item, index) => {
    const itemPath = `${path}[${index}]`;
    return attempt(problems, () => [parse(asObject(item, itemPath), itemPath)]) ?? [];
  });
}

/** Parses an optional nested object; when it is malformed it is dropped with a problem. */
export function parseOptional<T>(
  obj: JsonObject,
  key: string,
  path: string,
  problems: string[],
  parse: (value: JsonObject, valuePath: string) => T,
): T | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const valuePath = `${path}.${key}`;
  return attempt(problems, () => parse(asObject(value, valuePath), valuePath));
}

function asObject(value: unknown, path: string): JsonObject {
  if (!isJsonObject(value)) throw new PayloadProblem(`${path}: expected an object`);
  return value;
}

function attempt<T>(problems: string[], run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PayloadProblem)) throw error;
    problems.push(error.message);
    return undefined;
  }
}
