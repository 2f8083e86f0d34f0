import { createContext, useContext } from 'react';
import type { AdminClient, GeneralClient } from './clients';
import type { SigningFetch } from './signing-fetch';

export interface Apis {
  /** SigV4-signing `fetch` with this session's identity-pool credentials. */
  signedFetch: SigningFetch;
  admin: AdminClient;
  general: GeneralClient;
}

export const ApiContext = createContext<Apis | null>(null);

function useApis(): Apis {
  const apis = useContext(ApiContext);
  if (!apis) throw new Error('API hooks need an ApiProvider (inside a signed-in session)');
  return apis;
}

/** A `fetch` that signs with the session's credentials, for calls outside the typed clients. */
export const useSignedFetch = (): SigningFetch => useApis().signedFetch;
/** The admin API (signed, cross-origin to its execute-api address). */
export const useAdminApi = (): AdminClient => useApis().admin;
/** The general API (ID token, through the SPA's origin). */
export const useGeneralApi = (): GeneralClient => useApis().general;
