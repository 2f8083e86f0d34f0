import { useCallback, useState } from 'react';

/**
 * Walks an API's opaque cursors: the cursor of the page on screen, and those of the pages
 * before it, so "previous" works although the API only knows "next".
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const next = useCallback(
    (nextCursor: string) => setCursors((stack) => [...stack, nextCursor]),
    [],
  );
  const previous = useCallback(
    () => setCursors((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    [],
  );
  const reset = useCallback(() => setCursors([undefined]), []);
  return {
    cursor: cursors[cursors.length - 1],
    pageNumber: cursors.length,
    next,
    previous,
    reset,
  };
}
