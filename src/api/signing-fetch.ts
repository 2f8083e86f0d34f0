import { ClockSkew, isSkewMessage } from './clock-skew';
import {
  createCredentialsCache,
  type AwsCredentials,
  type CredentialsSource,
} from './credentials-cache';
import {
  backoffMs,
  DEFAULT_RETRY,
  isIdempotent,
  isRetryableStatus,
  type RetryPolicy,
} from './retry-policy';
import { canonicalUrl, signRequest } from './sign-request';

export interface SigningFetchOptions {
  region: string;
  /** `execute-api` for API Gateway. */
  service?: string;
  credentials: CredentialsSource;
  /** Refresh credentials this long before they expire (default 5 minutes). */
  refreshAheadMs?: number;
  retry?: RetryPolicy;
  fetch?: typeof fetch;
  /** The device's clock (tests move it). */
  now?: () => number;
  /**
   * The clock-skew correction to use and update; pass one to keep it across signing fetches
   * (the console makes a new one per session but keeps what it learnt of AWS's clock).
   */
  clock?: ClockSkew;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** `fetch`'s signature, for URLs (strings or `URL`s) rather than `Request` objects. */
export type SigningFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Signature refusals that new credentials cure. */
const CREDENTIAL_ERRORS = new Set(['ExpiredTokenException', 'UnrecognizedClientException']);

/** The body as the bytes that will be sent and signed. */
async function bodyBytes(
  body: RequestInit['body'],
  headers: Headers,
): Promise<Uint8Array | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type')) {
      headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    }
    return new TextEncoder().encode(body.toString());
  }
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body))
    return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  throw new TypeError(
    'A signed request needs its body up front (string, bytes, Blob or URLSearchParams): a stream or FormData cannot be signed.',
  );
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A `fetch` that signs every request with SigV4 for API Gateway's `AWS_IAM` and sends it
 * cross-origin (`mode: 'cors'`). Beyond signing it:
 * - reuses credentials until shortly before expiry, refreshes them ahead of it, and refreshes
 *   them once and re-signs when the API answers `ExpiredTokenException` or
 *   `UnrecognizedClientException`; concurrent calls share one refresh;
 * - corrects clock skew from the API's `Date` when it refuses a signature as expired or not yet
 *   current, keeps the correction for later calls, and re-signs once;
 * - retries GET and HEAD with capped, jittered backoff on network errors, 429 and 5xx, and
 *   never repeats any other method once it may have reached the server.
 * A refused signature never reached the integration, so re-signing after one is safe for
 * every method.
 */
export function createSigningFetch(options: SigningFetchOptions): SigningFetch {
  const send = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const retry = options.retry ?? DEFAULT_RETRY;
  const sleep = options.sleep ?? wait;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? new ClockSkew(options.now);
  const credentials = createCredentialsCache(options.credentials, {
    refreshAheadMs: options.refreshAheadMs ?? 5 * 60 * 1000,
    now: () => clock.now(),
  });

  return async (input, init = {}) => {
    const url = canonicalUrl(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = await bodyBytes(init.body, headers);
    const idempotent = isIdempotent(method);
    let refreshed = false;
    let skewCorrected = false;
    let refused: AwsCredentials | undefined;

    for (let attempt = 1; ; attempt++) {
      const current = refused ? await credentials.refresh(refused) : await credentials.get();
      refused = undefined;
      const signed = await signRequest({
        url,
        method,
        headers,
        body,
        credentials: current,
        region: options.region,
        service: options.service ?? 'execute-api',
        signingDate: new Date(clock.now()),
      });
      let response: Response;
      try {
        response = await send(url, {
          ...init,
          method,
          headers: signed.headers,
          body: body as BodyInit | undefined,
          mode: 'cors',
          // A redirect would carry the session token to wherever it points.
          redirect: 'error',
        });
      } catch (error) {
        // The request may have reached the server: only an idempotent one may go again.
        if (!idempotent || attempt >= retry.attempts || init.signal?.aborted) throw error;
        await sleep(backoffMs(retry, attempt - 1, random));
        continue;
      }

      if (response.status === 403) {
        const errorType = response.headers.get('x-amzn-errortype') ?? '';
        if (CREDENTIAL_ERRORS.has(errorType) && !refreshed) {
          refreshed = true;
          refused = current;
          attempt--; // a refused signature is not a try at the request
          await response.body?.cancel();
          continue;
        }
        if (errorType === 'InvalidSignatureException' && !skewCorrected) {
          const message = await response.clone().text();
          if (isSkewMessage(message) && clock.correctFrom(response.headers.get('date'))) {
            skewCorrected = true;
            attempt--;
            await response.body?.cancel();
            continue;
          }
        }
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
