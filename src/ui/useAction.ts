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

/** A form's submit: busy while it runs, the error it ended with, and whether it succeeded. */
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
