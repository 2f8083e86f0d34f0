import {
  cognitoIdentityPoolEndpointResolver,
  createGetCredentialsForIdentityClient,
  createGetIdClient,
  type CredentialsAndIdentityId,
  type CredentialsAndIdentityIdProvider,
  type GetCredentialsOptions,
} from '@aws-amplify/core';
import { DefaultIdentityIdStore } from 'aws-amplify/auth/cognito';
import { defaultStorage } from 'aws-amplify/utils';

/** New credentials are fetched this long before the cached ones expire. */
export const EXPIRY_MARGIN_MS = 5 * 60_000;

/** What the provider is told of the ID token to choose a role: its roles and its user. */
export interface TokenRoles {
  /** `cognito:roles`. */
  roles: string[];
  sub: string | undefined;
}

export interface RoleCredentialsProvider extends CredentialsAndIdentityIdProvider {
  /** Forgets cached credentials (not the identity id): the next call asks the pool again. */
  clearCredentials(): void;
}

interface Cached {
  idToken: string;
  roleArn: string | undefined;
  value: CredentialsAndIdentityId;
}

/**
 * Amplify's credentials provider, with the one thing Amplify's own cannot do (amplify-js
 * #2390): choose which of the ID token's roles to get credentials for. `roleFor` is given
 * the token's `cognito:roles` and `sub` and answers the role to send as `CustomRoleArn` (undefined
 * lets the identity pool's role mapping pick `cognito:preferred_role`). The identity pool
 * refuses a role that is not in the token. Otherwise it follows Amplify's provider: the
 * identity id kept by Amplify's store, `GetId` once, `GetCredentialsForIdentity` with the
 * ID token as the login, credentials reused until shortly before they expire.
 */
export function createRoleCredentialsProvider(
  roleFor: (token: TokenRoles) => string | undefined,
  now: () => number = Date.now,
): RoleCredentialsProvider {
  const identityIdStore = new DefaultIdentityIdStore(defaultStorage);
  let cached: Cached | undefined;

  return {
    async getCredentialsAndIdentityId(options: GetCredentialsOptions) {
      const { authConfig } = options;
      const cognito = authConfig?.Cognito;
      // No identity pool, or no one signed in (the console has no guest access).
      if (!authConfig || !cognito?.identityPoolId || !options.authenticated) return undefined;
      const idToken = options.tokens.idToken;
      if (!idToken) return undefined;
      const token = idToken.toString();
      const claim = idToken.payload['cognito:roles'];
      const roleArn = roleFor({
        roles: Array.isArray(claim) ? claim.filter((r): r is string => typeof r === 'string') : [],
        sub: typeof idToken.payload.sub === 'string' ? idToken.payload.sub : undefined,
      });
      if (
        !options.forceRefresh &&
        cached?.idToken === token &&
        cached.roleArn === roleArn &&
        (cached.value.credentials.expiration?.getTime() ?? 0) - EXPIRY_MARGIN_MS > now()
      ) {
        return cached.value;
      }
      const region = cognito.identityPoolId.split(':')[0]!;
      const endpointResolver = ({ region }: { region: string }) =>
        cognito.identityPoolEndpoint
          ? { url: new URL(cognito.identityPoolEndpoint) }
          : cognitoIdentityPoolEndpointResolver({ region });
      const logins = { [issuerKey(idToken.payload.iss)]: token };

      identityIdStore.setAuthConfig(authConfig);
      const identityId = async () => {
        const stored = await identityIdStore.loadIdentityId();
        if (stored) return stored.id;
        const { IdentityId } = await createGetIdClient({ endpointResolver })(
          { region },
          { IdentityPoolId: cognito.identityPoolId, Logins: logins },
        );
        if (!IdentityId) throw new Error('The identity pool answered GetId without an IdentityId.');
        identityIdStore.storeIdentityId({ id: IdentityId, type: 'primary' });
        return IdentityId;
      };
      const getCredentials = async (id: string) =>
        createGetCredentialsForIdentityClient({ endpointResolver })(
          { region },
          { IdentityId: id, Logins: logins, ...(roleArn ? { CustomRoleArn: roleArn } : {}) },
        );

      let id = await identityId();
      let answer;
      try {
        answer = await getCredentials(id);
      } catch (error) {
        // An identity id kept from another identity pool (a local stack started afresh): once.
        if ((error as Error).name !== 'ResourceNotFoundException') throw error;
        await identityIdStore.clearIdentityId();
        id = await identityId();
        answer = await getCredentials(id);
      }
      const credentials = answer.Credentials;
      if (!credentials?.AccessKeyId || !credentials.SecretKey) {
        throw new Error('The identity pool answered without credentials.');
      }
      const value: CredentialsAndIdentityId = {
        credentials: {
          accessKeyId: credentials.AccessKeyId,
          secretAccessKey: credentials.SecretKey,
          sessionToken: credentials.SessionToken,
          expiration: credentials.Expiration,
        },
        identityId: answer.IdentityId ?? id,
      };
      cached = { idToken: token, roleArn, value };
      return value;
    },
    clearCredentialsAndIdentityId() {
      cached = undefined;
      // Amplify's store forgets the id in memory at once and in storage a moment later.
      void identityIdStore.clearIdentityId();
    },
    clearCredentials() {
      cached = undefined;
    },
  };
}

/** The login key of a user pool's ID token: its issuer without the scheme. */
function issuerKey(issuer: unknown): string {
  if (typeof issuer !== 'string' || !issuer) throw new Error('The ID token has no issuer.');
  return issuer.replace(/^\w+:\/\//, '');
}
