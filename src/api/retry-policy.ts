export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2000 };

/** Methods that may be sent twice: a retry cannot apply a change a second time. */
export const isIdempotent = (method: string) => method === 'GET' || method === 'HEAD';

/** Whether an answer to an idempotent request is worth another try. */
export const isRetryableStatus = (status: number) => status === 429 || status >= 500;

/** "Full jitter": a random wait up to the capped exponential delay for this retry. */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number): number {
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry));
}
