import { DomainError } from '../errors/domain.error';
import type { PageInfoOutput } from './page-info.output';

/** Every paged list takes `first` from 1 to this. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** The largest id of an integer (32-bit) column on PostgreSQL. */
const MAX_ROW_ID = 2_147_483_647;

/** `first` of a paged list, checked; absent or null is the default. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  return size;
}

/** An opaque cursor of a list ordered by row id: `<kind>:<id>` in base64url. */
export function encodeIdCursor(kind: string, id: number): string {
  return Buffer.from(`${kind}:${id}`).toString('base64url');
}

/**
 * The row id of a cursor `encodeIdCursor(kind, …)` made; absent or null (the first page) is null.
 * Anything else, a cursor of another list included, is BAD_USER_INPUT naming the list.
 */
export function decodeIdCursor(
  kind: string,
  list: string,
  cursor: string | null | undefined,
): number | null {
  if (cursor === null || cursor === undefined) return null;
  const match = new RegExp(`^${kind}:(\\d{1,15})$`).exec(
    Buffer.from(cursor, 'base64url').toString('utf8'),
  );
  // Row ids are integer columns: a larger "id" would overflow PostgreSQL's integer.
  if (!match || Number(match[1]) > MAX_ROW_ID || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    const shown = cursor.length > 60 ? `${cursor.slice(0, 60)}…` : cursor;
    throw new DomainError(
      'BAD_USER_INPUT',
      `after must be an endCursor or edge cursor returned by ${list}; got ${JSON.stringify(shown)}`,
    );
  }
  return Number(match[1]);
}

/** Edges and page info of one page of rows (already cut to `first`). */
export function toConnection<Row, Node>(
  rows: readonly Row[],
  hasNextPage: boolean,
  cursorOf: (row: Row) => string,
  nodeOf: (row: Row) => Node,
): { edges: { cursor: string; node: Node }[]; pageInfo: PageInfoOutput } {
  const edges = rows.map((row) => ({ cursor: cursorOf(row), node: nodeOf(row) }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
  };
}
