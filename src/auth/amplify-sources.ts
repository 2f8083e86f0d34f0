import { fetchAuthSession } from 'aws-amplify/auth';
import type { CredentialsSource } from '../api/credentials-cache';
import type { IdTokenSource } from '../api/id-token-fetch';

/**
 * The identity pool's credentials and the user pool's ID token from Amplify's session, for
 * the signing fetch and the ID-token fetch. `missing` makes the error for a session without
 * them (the SPA and the CLI word it differently).
 */
export function amplifySources(missing: (what: 'credentials' | 'ID token') => Error): {
  credentials: CredentialsSource;
  idToken: IdTokenSource;
} {
  return {
    credentials: async ({ forceRefresh }) => {
      const { credentials } = await fetchAuthSession({ forceRefresh });
      if (!credentials) throw missing('credentials');
      return credentials;
    },
    idToken: async ({ forceRefresh }) => {
      const token = (await fetchAuthSession({ forceRefresh })).tokens?.idToken;
      if (!token) throw missing('ID token');
      const exp = token.payload.exp;
      return { token: token.toString(), expiration: exp ? new Date(exp * 1000) : undefined };
    },
  };
}
