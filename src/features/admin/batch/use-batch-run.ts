import { useCallback, useEffect, useRef, useState } from 'react';
import { runBatch, type RowOutcome } from './run-batch';

export type BatchPhase = 'ready' | 'running' | 'stopping' | 'finished';

export interface BatchState<R> {
  phase: BatchPhase;
  /** Each row's outcome, by its index; undefined while it waits or is in flight. */
  outcomes: readonly (RowOutcome<R> | undefined)[];
  /** Rows waiting out a throttle right now. */
  waiting: number;
}

const READY: BatchState<never> = { phase: 'ready', outcomes: [], waiting: 0 };

/**
 * A batch of signed calls as React state: `start` runs one call per item (`runBatch`), `stop`
 * sends nothing more. Leaving the screen stops the run too; calls already sent still finish
 * on the server, as they would after Stop.
 */
export function useBatchRun<T, R>() {
  const [state, setState] = useState<BatchState<R>>(READY);
  const controller = useRef<AbortController>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  const busy = state.phase === 'running' || state.phase === 'stopping';
  // Closing or reloading the tab mid-run would lose the rows' results: the browser asks first.
  useEffect(() => {
    if (!busy) return;
    const askFirst = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Chromium before 119 asks only when this is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', askFirst);
    return () => window.removeEventListener('beforeunload', askFirst);
  }, [busy]);

  const start = useCallback(
    async (items: readonly T[], perform: (item: T, signal: AbortSignal) => Promise<R>) => {
      controller.current?.abort();
      const run = new AbortController();
      controller.current = run;
      const waitingRows = new Set<number>();
      // A run replaced by a newer one (or reset) reports nothing more into the state.
      const update = (change: (current: BatchState<R>) => BatchState<R>) => {
        if (controller.current === run) setState(change);
      };
      setState({ phase: 'running', outcomes: items.map(() => undefined), waiting: 0 });
      await runBatch(items, {
        perform,
        signal: run.signal,
        onWait: (index) => {
          waitingRows.add(index);
          update((current) => ({ ...current, waiting: waitingRows.size }));
        },
        onSettled: (index, outcome) => {
          waitingRows.delete(index);
          update((current) => {
            const outcomes = [...current.outcomes];
            outcomes[index] = outcome;
            return { ...current, outcomes, waiting: waitingRows.size };
          });
        },
      });
      update((current) => ({ ...current, phase: 'finished', waiting: 0 }));
    },
    [],
  );

  const stop = useCallback(() => {
    controller.current?.abort();
    setState((current) =>
      current.phase === 'running' ? { ...current, phase: 'stopping' } : current,
    );
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    controller.current = undefined;
    setState(READY);
  }, []);

  return { state, start, stop, reset };
}
