import { createExpiringCache } from './credentials-cache';
import {
  backoffMs,
  DEFAULT_RETRY,
  isIdempotent,
  isRetryableStatus,
  type RetryPolicy,
} from './retry-policy';

/** An ID token (the JWT as sent) and when it expires. */
export interface IdToken {
  token: string;
  expiration?: Date;
}

/** Where ID tokens come from; `forceRefresh` asks for new ones (Amplify's option). */
export type IdTokenSource = (options: { forceRefresh: boolean }) => Promise<IdToken>;

export interface IdTokenFetchOptions {
  idToken: IdTokenSource;
  /** Refresh the token this long before it expires (default 1 minute). */
  refreshAheadMs?: number;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A `fetch` for the general API (Cognito user pool authorizer): sends the ID token in
 * `Authorization`, refreshes it shortly before it expires, and refreshes it once and resends
 * when the authorizer still answers 401 (a refused token never reached the handler, so the
 * resend is safe for every method). GET and HEAD retry on network errors, 429 and 5xx;
 * other methods are sent once.
 */
export function createIdTokenFetch(options: IdTokenFetchOptions) {
  const send = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? wait;
  const random = options.random ?? Math.random;
  const tokens = createExpiringCache(options.idToken, {
    refreshAheadMs: options.refreshAheadMs ?? 60 * 1000,
    now: options.now ?? (() => Date.now()),
  });

  return async (input: string | URL, init: RequestInit = {}): Promise<Response> => {
    const method = (init.method ?? 'GET').toUpperCase();
    const idempotent = isIdempotent(method);
    let refused: IdToken | undefined;
    let refreshed = false;

    for (let attempt = 1; ; attempt++) {
      const current = refused ? await tokens.refresh(refused) : await tokens.get();
      refused = undefined;
      const headers = new Headers(init.headers);
      headers.set('authorization', current.token);
      let response: Response;
      try {
        response = await send(input, { ...init, method, headers });
      } catch (error) {
        if (!idempotent || attempt >= retry.attempts || init.signal?.aborted) throw error;
        await sleep(backoffMs(retry, attempt - 1, random));
        continue;
      }
      if (response.status === 401 && !refreshed) {
        refreshed = true;
        refused = current;
        attempt--;
        await response.body?.cancel();
        continue;
      }
      if (idempotent && isRetryableStatus(response.status) && attempt < retry.attempts) {
        await response.body?.cancel();
        await sleep(backoffMs(retry, attempt - 1, random));
        continue;
      }
      return response;
    }
  };
}
