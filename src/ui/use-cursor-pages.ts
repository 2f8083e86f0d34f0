import { useCallback, useState } from 'react';

/** A page already reached: the cursor that reads it, and how many items came before it. */
interface PageStart {
  cursor: string | undefined;
  itemsBefore: number;
}

const FIRST_PAGE: PageStart[] = [{ cursor: undefined, itemsBefore: 0 }];

/**
 * Walks an API's opaque cursors: the cursor of the page on screen, and those of the pages
 * before it, so "previous" (or any page already seen) works although the API only knows
 * "next". It counts the items of the pages passed, so a list can say "(45+)".
 */
export function useCursorPages() {
  const [pages, setPages] = useState<PageStart[]>(FIRST_PAGE);
  /** Goes on to the page `nextCursor` reads; `shown` is how many items this page had. */
  const next = useCallback(
    (nextCursor: string, shown = 0) =>
      setPages((stack) => [
        ...stack,
        { cursor: nextCursor, itemsBefore: stack[stack.length - 1]!.itemsBefore + shown },
      ]),
    [],
  );
  const previous = useCallback(
    () => setPages((stack) => (stack.length > 1 ? stack.slice(0, -1) : stack)),
    [],
  );
  /** Back to a page already seen (1-based); a page not reached yet is ignored. */
  const goTo = useCallback(
    (pageNumber: number) =>
      setPages((stack) =>
        pageNumber >= 1 && pageNumber < stack.length ? stack.slice(0, pageNumber) : stack,
      ),
    [],
  );
  const reset = useCallback(() => setPages(FIRST_PAGE), []);
  const current = pages[pages.length - 1]!;
  return {
    cursor: current.cursor,
    pageNumber: pages.length,
    itemsBefore: current.itemsBefore,
    next,
    previous,
    goTo,
    reset,
  };
}
