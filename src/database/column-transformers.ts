import type { ValueTransformer } from 'typeorm';

/**
 * Instants are stored as epoch milliseconds in a bigint column: identical on SQLite and
 * PostgreSQL, cheap to compare and index. PostgreSQL returns bigint as a string; both are
 * far below 2^53, so Number() is exact here (this is time, never money).
 */
export const epochMillisTransformer: ValueTransformer = {
  to: (value: Date | null | undefined) =>
    value === null || value === undefined ? value : value.getTime(),
  from: (value: string | number | null) => (value === null ? null : new Date(Number(value))),
};

/** JSON kept in a text column, so both drivers behave the same. */
export const jsonTextTransformer: ValueTransformer = {
  to: (value: unknown) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null): unknown => (value === null ? null : JSON.parse(value)),
};

/** Money micro-units (bigint) read back as a string, never a JS number. */
export const microsTransformer: ValueTransformer = {
  to: (value: string | null | undefined) => value,
  from: (value: string | number | bigint | null) => (value === null ? null : String(value)),
};
