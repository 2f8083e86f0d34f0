import { createAuthorisedFetch, type RetryOptions, type UrlFetch } from './authorised-fetch';
import { ClockSkew, isSkewMessage } from './clock-skew';
import { createCredentialsCache, type CredentialsSource } from './credentials-cache';
import { canonicalUrl, signRequest } from './sign-request';

export interface SigningFetchOptions extends RetryOptions {
  region: string;
  /** `execute-api` for API Gateway. */
  service?: string;
  credentials: CredentialsSource;
  /** Refresh credentials this long before they expire (default 5 minutes). */
  refreshAheadMs?: number;
  /** The device's clock (tests move it). */
  now?: () => number;
  /**
   * The clock-skew correction to use and update; pass one to keep it across signing fetches
   * (the console makes a new one per session but keeps what it learnt of AWS's clock).
   */
  clock?: ClockSkew;
}

/** `fetch`'s signature, for URLs (strings or `URL`s) rather than `Request` objects. */
export type SigningFetch = UrlFetch;

/** Signature refusals that new credentials cure. */
const CREDENTIAL_ERRORS = new Set(['ExpiredTokenException', 'UnrecognizedClientException']);

/** API Gateway's name for a 403 refusal (`x-amzn-ErrorType`); '' for any other answer. */
const refusalOf = (response: Response) =>
  response.status === 403 ? (response.headers.get('x-amzn-errortype') ?? '') : '';

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
 */
export function createSigningFetch(options: SigningFetchOptions): SigningFetch {
  const { region, service = 'execute-api' } = options;
  const clock = options.clock ?? new ClockSkew(options.now);

  return createAuthorisedFetch(
    {
      credentials: createCredentialsCache(options.credentials, {
        refreshAheadMs: options.refreshAheadMs ?? 5 * 60 * 1000,
        now: () => clock.now(),
      }),
      prepare: async ({ input, init, method }) => {
        const url = canonicalUrl(input);
        const headers = new Headers(init.headers);
        return { init, url, method, headers, body: await bodyBytes(init.body, headers) };
      },
      authorise: async ({ init, ...request }, credentials) => {
        const signed = await signRequest({
          ...request,
          credentials,
          region,
          service,
          signingDate: new Date(clock.now()),
        });
        return {
          input: request.url,
          init: {
            ...init,
            method: request.method,
            headers: signed.headers,
            body: request.body as BodyInit | undefined,
            mode: 'cors',
            // A redirect would carry the session token to wherever it points.
            redirect: 'error',
          },
        };
      },
      freshCredentialCures: (response) => CREDENTIAL_ERRORS.has(refusalOf(response)),
      // Signed by a clock over 5 minutes off AWS's: learn AWS's time from `Date`, sign again.
      reauthorisingCures: async (response) =>
        refusalOf(response) === 'InvalidSignatureException' &&
        isSkewMessage(await response.clone().text()) &&
        clock.correctFrom(response.headers.get('date')),
    },
    options,
  );
}
