import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
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
 * The signing fetch already retries what is safe to retry (GETs, with backoff); a second
 * layer of retries here would repeat them, so queries fail on the first error they see.
 */
function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: false },
    },
  });
}

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
    const general = createRouteCaller('general', generalBase, (url, init) =>
      idTokenFetch(url, {
        ...init,
        mode: sameOrigin ? 'same-origin' : 'cors',
        credentials: 'omit',
        redirect: 'error',
      }),
    );
    const apis: Apis = {
      signedFetch,
      admin: createAdminClient(createRouteCaller('admin', config.adminApiUrl, signedFetch)),
      general: createGeneralClient(general),
    };
    return { apis, queryClient: createQueryClient() };
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
