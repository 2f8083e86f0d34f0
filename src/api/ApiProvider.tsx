import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../auth/session-context';
import { useRuntimeConfig } from '../config/runtime-config-context';
import { ApiContext, type Apis } from './api-context';
import { ClockSkew } from './clock-skew';
import { createAdminClient, createGeneralClient, generalApiBase } from './clients';
import { createIdTokenFetch } from './id-token-fetch';
import { createRouteCaller } from './route-caller';
import { createSigningFetch } from './signing-fetch';

/**
 * Builds the API clients for the current session. Each session generation (a sign-in, a
 * "refresh my access") gets new clients and an empty query cache, so nothing fetched with
 * the old role or groups is shown; what was learnt of AWS's clock is kept.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const config = useRuntimeConfig();
  const { state, credentials, idToken } = useSession();
  const queryClient = useQueryClient();
  const [clock] = useState(() => new ClockSkew());
  const generation = state.status === 'signedIn' ? state.generation : 0;

  const apis = useMemo<Apis>(() => {
    const signedFetch = createSigningFetch({
      region: config.region,
      service: 'execute-api',
      credentials,
      clock,
    });
    const idTokenFetch = createIdTokenFetch({ idToken });
    const general = createRouteCaller(
      'general',
      generalApiBase(config.generalApiUrl, window.location.origin),
      (url, init) =>
        idTokenFetch(url, { ...init, mode: 'same-origin', credentials: 'same-origin' }),
    );
    return {
      signedFetch,
      admin: createAdminClient(createRouteCaller('admin', config.adminApiUrl, signedFetch)),
      general: createGeneralClient(general),
    };
    // A new generation means new credentials and groups: start afresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config, credentials, idToken, clock, generation]);

  useEffect(() => {
    queryClient.clear();
  }, [queryClient, generation]);

  return <ApiContext.Provider value={apis}>{children}</ApiContext.Provider>;
}
