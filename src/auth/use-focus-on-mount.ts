import { useEffect, useRef } from 'react';

/**
 * A ref whose element takes focus when it first appears (when `enabled`). A sign-in step
 * replaces the form on the same address, so the button that had focus goes with it and
 * focus would fall back to the page.
 */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}
