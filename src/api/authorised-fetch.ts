import type { Expiring, ExpiringCache } from './credentials-cache';
import {
  backoffMs,
  DEFAULT_RETRY,
  isIdempotent,
  isRetryableStatus,
  type RetryPolicy,
} from './retry-policy';

/** `fetch`'s signature, for URLs (strings or `URL`s) rather than `Request` objects. */
export type UrlFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** A call as its caller made it, the method upper-cased. */
export interface Call {
  input: string | URL;
  init: RequestInit;
  method: string;
}

/** One try of a call, authorised and ready to send. */
export interface Outgoing {
  input: string | URL;
  init: RequestInit;
}

/** Backoff and its clock, the same for every authorisation; tests replace them. */
export interface RetryOptions {
  retry?: RetryPolicy;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * How a fetch authorises its calls: with what credential (an ID token, AWS credentials), how a
 * try carries it, and which refusals trying again cures. A refusal by the authorizer never
 * reached the integration, so trying again after one is safe for every method.
 */
export interface Authorisation<C extends Expiring, P> {
  credentials: ExpiringCache<C>;
  /** Once per call, before its first try: what every try shares (the signer reads the body). */
  prepare: (call: Call) => P | Promise<P>;
  /** Each try, with that try's credential. */
  authorise: (prepared: P, credential: C) => Outgoing | Promise<Outgoing>;
  /** Refusals a fresh credential cures: the call is sent again, once, with a new one. */
  freshCredentialCures: (response: Response) => boolean;
  /**
   * Refusals that authorising again with the same credential cures, tried once per call after
   * `freshCredentialCures` (the signer's clock correction, which it makes when it answers true).
   */
  reauthorisingCures?: (response: Response) => Promise<boolean>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A `fetch` that authorises every try of a call, sends it again once for each cure of a
 * refusal, and retries GET and HEAD with capped, jittered backoff on network errors, 429 and
 * 5xx. Any other method is never sent again once it may have reached the server.
 */
export function createAuthorisedFetch<C extends Expiring, P>(
  authorisation: Authorisation<C, P>,
  options: RetryOptions = {},
): UrlFetch {
  const { credentials, prepare, authorise, freshCredentialCures, reauthorisingCures } =
    authorisation;
  const send = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? wait;
  const random = options.random ?? Math.random;

  return async (input, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const prepared = await prepare({ input, init, method });
    const idempotent = isIdempotent(method);
    let refreshed = false;
    let reauthorised = false;
    let refused: C | undefined;

    for (let attempt = 1; ; attempt++) {
      const credential = refused ? await credentials.refresh(refused) : await credentials.get();
      refused = undefined;
      const outgoing = await authorise(prepared, credential);
      let response: Response;
      try {
        response = await send(outgoing.input, outgoing.init);
      } catch (error) {
        // The request may have reached the server: only an idempotent one may go again.
        if (!idempotent || attempt >= retry.attempts || init.signal?.aborted) throw error;
        await sleep(backoffMs(retry, attempt - 1, random));
        continue;
      }

      if (!refreshed && freshCredentialCures(response)) {
        refreshed = true;
        refused = credential;
        attempt--; // a refused credential is not a try at the request
        await response.body?.cancel();
        continue;
      }
      if (!reauthorised && reauthorisingCures && (await reauthorisingCures(response))) {
        reauthorised = true;
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
