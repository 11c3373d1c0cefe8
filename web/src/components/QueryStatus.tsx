import type { ReactNode } from 'react';

interface Props {
  loading: boolean;
  error: Error | null;
  empty: boolean;
  emptyText: string;
  /** What to show once loaded and not empty. */
  children: ReactNode;
}

/** The loading, error and empty states every page shares, announced to screen readers. */
export function QueryStatus({ loading, error, empty, emptyText, children }: Props) {
  if (loading) {
    return (
      <p role="status" aria-live="polite" className="status">
        Loading…
      </p>
    );
  }
  if (error) {
    return (
      <p role="alert" className="status error">
        Could not load: {error.message}
      </p>
    );
  }
  if (empty) {
    return (
      <p role="status" className="status empty">
        {emptyText}
      </p>
    );
  }
  return <>{children}</>;
}
