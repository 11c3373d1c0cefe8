import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DomainError } from '../errors/domain.error';

/** A date-time with a time zone (Z or ±hh:mm), or a bare date (12am UTC). */
const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const EXAMPLE = '"2026-03-01T00:00:00Z", "2026-03-01T09:30:00+05:30" or "2026-03-01"';

/**
 * Reads an instant given as ISO-8601 text; anything else (a word, a date that does not exist, a
 * local time without a zone) is a BAD_USER_INPUT error saying what was expected.
 */
export function parseInstant(value: unknown): Date {
  const match = typeof value === 'string' ? INSTANT.exec(value.trim()) : null;
  if (match !== null) {
    const [, year, month, day, hour, minute, second] = match;
    const date = new Date(hour === undefined ? `${match[0]}T00:00:00Z` : match[0]);
    // Date.parse rolls 2026-02-30 over to March: the calendar fields must be real ones.
    const valid =
      !Number.isNaN(date.getTime()) &&
      Number(month) >= 1 &&
      Number(month) <= 12 &&
      Number(day) >= 1 &&
      Number(day) <= daysInMonth(Number(year), Number(month)) &&
      (hour === undefined || Number(hour) <= 23) &&
      (minute === undefined || Number(minute) <= 59) &&
      (second === undefined || Number(second) <= 59);
    if (valid) return date;
  }
  throw new DomainError(
    'BAD_USER_INPUT',
    `DateTime values are ISO-8601 instants such as ${EXAMPLE}; got ${describe(value)}`,
  );
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function describe(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/**
 * `DateTime`, every instant of the API: serialised as UTC ISO-8601 text, read strictly (Nest's
 * own scalar turns any text into an invalid Date, which would reach SQL as NaN).
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string | null>({
  name: 'DateTime',
  description: `An instant as ISO-8601 text with a time zone, such as ${EXAMPLE} (a bare date is 12am UTC). Answers are in UTC.`,
  serialize(value: unknown): string | null {
    return value instanceof Date ? value.toISOString() : null;
  },
  parseValue: parseInstant,
  parseLiteral(ast: ValueNode): Date {
    if (ast.kind === Kind.STRING) return parseInstant(ast.value);
    throw new DomainError(
      'BAD_USER_INPUT',
      `DateTime values are strings such as ${EXAMPLE}; got a ${ast.kind.toLowerCase()}`,
    );
  },
});
