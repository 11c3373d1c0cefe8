export type JsonObject = Record<string, unknown>;

/** Thrown by item parsers; the caller records it as a problem and skips only that item. */
export class PayloadProblem extends Error {}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The longest text read from a payload: far above anything Meta sends (ids, names, error titles),
 * so that a body cannot make the service store megabytes in one field.
 */
export const MAX_PAYLOAD_STRING_LENGTH = 4_096;

/** A wamid's column (messages.wamid is varchar(128)). */
export const WAMID_MAX_LENGTH = 128;

/**
 * A string (or a number Meta sends as an id), or undefined when absent or empty. A NUL character
 * (PostgreSQL text cannot hold one) or more than `maxLength` characters make the item a problem.
 */
export function readString(
  obj: JsonObject,
  key: string,
  maxLength = MAX_PAYLOAD_STRING_LENGTH,
): string | undefined {
  const value = obj[key];
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new PayloadProblem(`${key} contains a NUL character`);
    if (value.length > maxLength) {
      throw new PayloadProblem(
        `${key} is ${value.length} characters long; at most ${maxLength} are read`,
      );
    }
    return value === '' ? undefined : value;
  }
  // Meta sends some ids (entry ids, template ids) as JSON numbers.
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function requireString(
  obj: JsonObject,
  key: string,
  path: string,
  maxLength = MAX_PAYLOAD_STRING_LENGTH,
): string {
  let value: string | undefined;
  try {
    value = readString(obj, key, maxLength);
  } catch (error) {
    if (error instanceof PayloadProblem) throw new PayloadProblem(`${path}: ${error.message}`);
    throw error;
  }
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

/** Unix seconds, as a string of digits or a number. */
export function readTimestamp(obj: JsonObject, key: string, path: string): Date | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  const seconds =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  const date = new Date(seconds * 1000);
  if (
    (typeof value === 'string' && !/^\d+$/.test(value)) ||
    !Number.isFinite(seconds) ||
    seconds < 0 ||
    Number.isNaN(date.getTime())
  ) {
    throw new PayloadProblem(`${path}: invalid ${key}`);
  }
  return date;
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
