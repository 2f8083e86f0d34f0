import { createAuthorisedFetch, type RetryOptions, type UrlFetch } from './authorised-fetch';
import { createExpiringCache } from './credentials-cache';

/** An ID token (the JWT as sent) and when it expires. */
export interface IdToken {
  token: string;
  expiration?: Date;
}

/** Where ID tokens come from; `forceRefresh` asks for new ones (Amplify's option). */
export type IdTokenSource = (options: { forceRefresh: boolean }) => Promise<IdToken>;

export interface IdTokenFetchOptions extends RetryOptions {
  idToken: IdTokenSource;
  /** Refresh the token this long before it expires (default 1 minute). */
  refreshAheadMs?: number;
  now?: () => number;
}

/**
 * A `fetch` for the general API (Cognito user pool authorizer): sends the ID token in
 * `Authorization`, refreshes it shortly before it expires, and refreshes it once and resends
 * when the authorizer still answers 401. GET and HEAD retry on network errors, 429 and 5xx;
 * other methods are sent once.
 */
export function createIdTokenFetch(options: IdTokenFetchOptions): UrlFetch {
  return createAuthorisedFetch(
    {
      credentials: createExpiringCache(options.idToken, {
        refreshAheadMs: options.refreshAheadMs ?? 60 * 1000,
        now: options.now ?? (() => Date.now()),
      }),
      prepare: (call) => call,
      authorise: ({ input, init, method }, idToken) => {
        const headers = new Headers(init.headers);
        headers.set('authorization', idToken.token);
        return { input, init: { ...init, method, headers } };
      },
      freshCredentialCures: (response) => response.status === 401,
    },
    options,
  );
}
