import { createContext, useContext } from 'react';
import type { ApiClient } from './clients';
import type { SigningFetch } from './signing-fetch';

export interface Apis {
  /** SigV4-signing `fetch` with this session's identity-pool credentials. */
  signedFetch: SigningFetch;
  /**
   * The admin API (signed, cross-origin to its execute-api address) and the general API (ID
   * token, through the SPA's origin), called by route name.
   */
  api: ApiClient;
}

export const ApiContext = createContext<Apis | null>(null);

function useApis(): Apis {
  const apis = useContext(ApiContext);
  if (!apis) throw new Error('API hooks need an ApiProvider (inside a signed-in session)');
  return apis;
}

/** A `fetch` that signs with the session's credentials, for calls outside the typed client. */
export const useSignedFetch = (): SigningFetch => useApis().signedFetch;
/**
 * The session's typed client. Screens rarely need it: reads go through `routeQuery`,
 * changes through `useRouteMutation`.
 */
export const useApi = (): ApiClient => useApis().api;
