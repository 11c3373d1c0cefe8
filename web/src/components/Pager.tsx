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
