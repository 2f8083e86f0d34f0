import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSession } from '../auth/session-context';
import { useRuntimeConfig } from '../config/runtime-config-context';
import { ApiContext, type Apis } from './api-context';
import { ClockSkew } from './clock-skew';
import { createApiClient, generalApiBase } from './clients';
import { createIdTokenFetch } from './id-token-fetch';
import { createQueryClient } from './query-client';
import { createSigningFetch } from './signing-fetch';

/**
 * Builds the API clients and the query cache for the current session. Each session
 * generation (a sign-in, a "refresh my access") gets new clients and a new, empty cache, so
 * nothing fetched with the old role or groups is shown; what was learnt of AWS's clock is
 * kept.
 */
export function ApiProvider({ children }: { children: ReactNode }) {
  const config = useRuntimeConfig();
  const { state, credentials, idToken } = useSession();
  const [clock] = useState(() => new ClockSkew());
  const generation = state.status === 'signedIn' ? state.generation : 0;

  const { apis, queryClient } = useMemo(() => {
    const signedFetch = createSigningFetch({
      region: config.region,
      service: 'execute-api',
      credentials,
      clock,
    });
    const idTokenFetch = createIdTokenFetch({ idToken });
    const generalBase = generalApiBase(config.generalApiUrl, window.location.origin);
    // Normally `/api` on this origin (CloudFront, or the dev server, passes it on); an absolute
    // URL elsewhere is called with CORS. No cookies either way: the ID token is the credential.
    const sameOrigin = new URL(generalBase).origin === window.location.origin;
    const api = createApiClient({
      admin: { baseUrl: config.adminApiUrl, transport: signedFetch },
      general: {
        baseUrl: generalBase,
        transport: (url, init) =>
          idTokenFetch(url, {
            ...init,
            mode: sameOrigin ? 'same-origin' : 'cors',
            credentials: 'omit',
            redirect: 'error',
          }),
      },
    });
    const apis: Apis = { signedFetch, api };
    return { apis, queryClient: createQueryClient(api) };
    // A new generation (new credentials and groups) gets new clients and an empty cache.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [config, credentials, idToken, clock, generation]);

  useEffect(() => () => queryClient.clear(), [queryClient]);

  return (
    <ApiContext.Provider value={apis}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}
