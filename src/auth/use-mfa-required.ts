import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

/** The admin API's refusal of an administrator without an authenticator app (403). */
const MFA_REQUIRED = 'MfaRequired';

/** An `ApiError` by name, so this guard does not bring the API client's code along. */
const isMfaRequired = (error: unknown) =>
  error instanceof Error &&
  error.name === 'ApiError' &&
  (error as { code?: unknown }).code === MFA_REQUIRED;

/**
 * Calls `onRefused` whenever a read or a change of the admin API is refused with
 * `MfaRequired`: the pool, not the sign-in, has the last word on whether the app is on (an
 * administrator can reset another's, or it was turned off in another tab).
 */
export function useMfaRequired(onRefused: () => void): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const check = (event: { type: string; action?: { type: string; error?: unknown } }) => {
      if (event.type === 'updated' && event.action?.type === 'error') {
        if (isMfaRequired(event.action.error)) onRefused();
      }
    };
    const stopQueries = queryClient.getQueryCache().subscribe(check);
    const stopMutations = queryClient.getMutationCache().subscribe(check);
    return () => {
      stopQueries();
      stopMutations();
    };
  }, [queryClient, onRefused]);
}
