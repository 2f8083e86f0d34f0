import { useCallback, useRef, useState } from 'react';

export interface Action<A extends unknown[]> {
  /** Runs the action unless one is already running (a double click sends once). */
  run(...args: A): Promise<void>;
  busy: boolean;
  /** The last run's error, cleared when the next run starts. */
  error: unknown;
  /** True after the last run succeeded. */
  done: boolean;
}

/**
 * A form's submit before sign-in (sign in, the new-password step, forgot password): busy while
 * it runs, the error it ended with, and whether it succeeded.
 *
 * Everything behind sign-in uses TanStack's `useMutation` (`useRouteMutation` for the APIs'
 * routes). These screens cannot: no query client exists before a session does (each session
 * generation gets its own). Nor do they need one: a submit here caches and refetches nothing,
 * and TanStack Query would add about 8 KB gzip to the first download, which every visitor
 * pays and `bench:flows` holds to a budget (README, "What the console costs on the wire").
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [done, setDone] = useState(false);
  const running = useRef(false);

  const run = useCallback(
    async (...args: A) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(undefined);
      setDone(false);
      try {
        await action(...args);
        setDone(true);
      } catch (caught) {
        setError(caught);
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [action],
  );

  return { run, busy, error, done };
}
