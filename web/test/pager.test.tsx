import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePageCursors } from '../src/components/Pager';

describe('usePageCursors', () => {
  it('keeps the pages seen, and goes back to the first page when the list changes', () => {
    const { result, rerender } = renderHook(({ listKey }) => usePageCursors(listKey), {
      initialProps: { listKey: 'November' },
    });
    expect(result.current.cursors).toEqual([null]);
    act(() => result.current.onCursorsChange([null, 'page-2']));
    expect([result.current.cursors, result.current.after]).toEqual([[null, 'page-2'], 'page-2']);
    rerender({ listKey: 'November' });
    expect(result.current.after).toBe('page-2');
    rerender({ listKey: 'December' });
    expect([result.current.cursors, result.current.after]).toEqual([[null], null]);
  });
});
