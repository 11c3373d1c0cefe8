import { useState } from 'react';

interface Props {
  /** What the pages hold, for screen readers ("messages"). */
  items: string;
  /** The cursor of each page shown so far: null for the first. */
  cursors: (string | null)[];
  onCursorsChange: (cursors: (string | null)[]) => void;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/** Previous and next page of a connection, the pages seen kept as a stack of cursors. */
export function Pager({ items, cursors, onCursorsChange, pageInfo }: Props) {
  return (
    <nav aria-label={`Pages of ${items}`} className="pager">
      <button
        type="button"
        disabled={cursors.length === 1}
        onClick={() => onCursorsChange(cursors.slice(0, -1))}
      >
        Previous page
      </button>
      <span>Page {cursors.length}</span>
      <button
        type="button"
        disabled={!pageInfo.hasNextPage}
        onClick={() => onCursorsChange([...cursors, pageInfo.endCursor ?? null])}
      >
        Next page
      </button>
    </nav>
  );
}

type Cursors = (string | null)[];

/**
 * The cursors of a paged list for `Pager`, back to the first page whenever `listKey` (what the
 * list is of: its filter, its scope) changes.
 */
export function usePageCursors(listKey: string): {
  cursors: Cursors;
  after: string | null;
  onCursorsChange: (cursors: Cursors) => void;
} {
  const [state, setState] = useState<{ listKey: string; cursors: Cursors }>({
    listKey,
    cursors: [null],
  });
  const cursors = state.listKey === listKey ? state.cursors : [null];
  return {
    cursors,
    after: cursors[cursors.length - 1],
    onCursorsChange: (next) => setState({ listKey, cursors: next }),
  };
}
