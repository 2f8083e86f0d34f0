import { ApiError } from './api-error';

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Cognito's quotas are per second and shared by the account: a call it throttles (429, after
 * the transport's own quick tries) is tried again after 1, 2, 4, 8 and 16 s.
 */
export const THROTTLE_WAITS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 16_000];

export const isThrottled = (error: unknown) => error instanceof ApiError && error.status === 429;

/**
 * `call`, tried again while it is throttled. Only for calls a 429 proves were not carried out:
 * a throttled request did nothing (API Gateway's throttle never reaches the function; the
 * function answers 429 only when Cognito refused the call), so trying it again cannot do it
 * twice. `onWait` hears of each wait, e.g. to show "waiting for Cognito".
 */
export async function withThrottlePatience<T>(
  call: () => Promise<T>,
  {
    signal,
    sleep = realSleep,
    onWait,
  }: { signal: AbortSignal; sleep?: Sleep; onWait?(ms: number): void },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = THROTTLE_WAITS_MS[attempt];
      if (!isThrottled(error) || wait === undefined) throw error;
      onWait?.(wait);
      await sleep(wait, signal);
    }
  }
}
