/** Temporary AWS credentials as `fetchAuthSession()` returns them. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

/** Where credentials come from; `forceRefresh` asks for new ones (Amplify's option). */
export type CredentialsSource = (options: { forceRefresh: boolean }) => Promise<AwsCredentials>;

export interface CredentialsCache {
  /** Cached credentials, or new ones when none are cached or they expire within the margin. */
  get(): Promise<AwsCredentials>;
  /**
   * New credentials, after the API refused `stale`. If another call has already replaced
   * them, those are used instead of refreshing again.
   */
  refresh(stale: AwsCredentials): Promise<AwsCredentials>;
}

/**
 * Reuses credentials until `refreshAheadMs` before they expire and fetches new ones ahead of
 * that. Concurrent callers share one fetch, so a burst of calls at expiry costs one refresh.
 */
export function createCredentialsCache(
  source: CredentialsSource,
  options: { refreshAheadMs: number; now: () => number },
): CredentialsCache {
  let current: AwsCredentials | undefined;
  let pending: Promise<AwsCredentials> | undefined;

  const load = (forceRefresh: boolean) => {
    pending ??= source({ forceRefresh })
      .then((credentials) => {
        current = credentials;
        return credentials;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };

  const fresh = (credentials: AwsCredentials) =>
    !credentials.expiration ||
    credentials.expiration.getTime() - options.refreshAheadMs > options.now();

  return {
    get: () => (current && fresh(current) ? Promise.resolve(current) : load(current !== undefined)),
    refresh: (stale) => (current && current !== stale ? Promise.resolve(current) : load(true)),
  };
}
