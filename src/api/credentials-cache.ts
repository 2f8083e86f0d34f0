/** Temporary AWS credentials as `fetchAuthSession()` returns them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Where credentials come from; `forceRefresh` asks for new ones (Amplify's option). */
export type CredentialsSource = (options: { forceRefresh: boolean }) => Promise<AwsCredentials>;

/** Anything that expires: credentials, or an ID token with its expiry. */
export interface Expiring {
  expiration?: Date;
}

export interface ExpiringCache<T extends Expiring> {
  /** The cached value, or a new one when none is cached or it expires within the margin. */
  get(): Promise<T>;
  /**
   * A new value, after the server refused `stale`. If another call has already replaced it,
   * that one is used instead of refreshing again.
   */
  refresh(stale: T): Promise<T>;
}

/**
 * Reuses a value until `refreshAheadMs` before it expires and fetches a new one ahead of
 * that. Concurrent callers share one fetch, so a burst of calls at expiry costs one refresh.
 */
export function createExpiringCache<T extends Expiring>(
  source: (options: { forceRefresh: boolean }) => Promise<T>,
  options: { refreshAheadMs: number; now: () => number },
): ExpiringCache<T> {
  let current: T | undefined;
  let pending: Promise<T> | undefined;

  const load = (forceRefresh: boolean) => {
    pending ??= source({ forceRefresh })
      .then((value) => {
        current = value;
        return value;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  const fresh = (value: T) =>
    !value.expiration || value.expiration.getTime() - options.refreshAheadMs > options.now();

  return {
    get: () => (current && fresh(current) ? Promise.resolve(current) : load(current !== undefined)),
    refresh: (stale) => (current && current !== stale ? Promise.resolve(current) : load(true)),
  };
}

export const createCredentialsCache = createExpiringCache<AwsCredentials>;
