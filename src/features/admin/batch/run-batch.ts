import { realSleep, withThrottlePatience, type Sleep } from '../../../api/throttle-patience';

/** How one row of a batch ended. */
export type RowOutcome<R> =
  | { state: 'done'; value: R }
  | { state: 'failed'; error: unknown }
  /** Stopped before it was sent, or while it waited out a throttle (so it was not done). */
  | { state: 'notSent' };

/**
 * A few calls at a time: enough to finish 200 rows in well under a minute, few enough that one
 * console stays far inside Cognito's per-second quotas shared by the whole account.
 */
export const BATCH_CONCURRENCY = 4;

export interface BatchRun<T, R> {
  /**
   * One signed call for one row; it is never cancelled once sent. It must throw a 429 only if
   * nothing was done (it is then tried again whole); `signal` is Stop, for waits of its own.
   */
  perform(item: T, signal: AbortSignal): Promise<R>;
  /** Stop: no row starts after it, and rows waiting out a throttle are not sent again. */
  signal: AbortSignal;
  onSettled(index: number, outcome: RowOutcome<R>): void;
  /** A row waits `ms` because it was throttled. */
  onWait?(index: number, ms: number): void;
  concurrency?: number;
  sleep?: Sleep;
}

/**
 * Runs `perform` for every item, `concurrency` at a time, telling each row's outcome as it
 * ends. A throttled call (429) is tried again with backoff (`withThrottlePatience`), which is
 * safe because a 429 means it was not carried out. Stop lets calls already sent finish (their
 * outcome is known and reported) and sends nothing more; every row not sent is reported so.
 * Resolves once every row has an outcome.
 */
export async function runBatch<T, R>(
  items: readonly T[],
  {
    perform,
    signal,
    onSettled,
    onWait,
    concurrency = BATCH_CONCURRENCY,
    sleep = realSleep,
  }: BatchRun<T, R>,
): Promise<void> {
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      if (signal.aborted) {
        onSettled(index, { state: 'notSent' });
        continue;
      }
      onSettled(index, await outcomeOf(index));
    }
  }

  async function outcomeOf(index: number): Promise<RowOutcome<R>> {
    const item = items[index] as T;
    try {
      const value = await withThrottlePatience(() => perform(item, signal), {
        signal,
        sleep,
        onWait: (ms) => onWait?.(index, ms),
      });
      return { state: 'done', value };
    } catch (error) {
      // Aborted while waiting out a throttle: its last try was refused, so it was not done.
      if (signal.aborted && error === signal.reason) return { state: 'notSent' };
      return { state: 'failed', error };
    }
  }

  const workers = Math.max(1, Math.min(concurrency, items.length));
  await Promise.all(Array.from({ length: workers }, worker));
}
