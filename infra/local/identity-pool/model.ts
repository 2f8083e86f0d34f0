import {
  createLocalJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import { z } from 'zod';
import { AwsError, notAuthorized, resourceNotFound } from '../aws/errors';
import { newRegionalUuid } from '../aws/identifiers';
import type { CredentialStore, IssuedCredentials } from '../iam/credentials';
import type { StateFile } from '../store/state-file';

/** A user pool the identity pool accepts ID tokens from (its `CognitoIdentityProviders`). */
export interface LoginProvider {
  /** `cognito-idp.{region}.amazonaws.com/{userPoolId}`, as AWS names it. */
  providerName: string;
  /** The `iss` claim; clients such as Amplify key `Logins` by it without its scheme. */
  issuer: string;
  clientId: string;
  /**
   * The pool's JWKS, as AWS fetches it from the issuer: a token's `kid` picks the key, and the
   * claims then decide (an access token is refused for its missing `aud`).
   */
  jwks: JSONWebKeySet;
}

const identitySchema = z.object({
  providerName: z.string(),
  sub: z.string(),
  createdAt: z.number(),
  lastModifiedAt: z.number(),
});

export const identityPoolStateSchema = z.object({
  identityPoolId: z.string(),
  identityPoolName: z.string(),
  identities: z.record(z.string(), identitySchema),
});
export type IdentityPoolState = z.infer<typeof identityPoolStateSchema>;

export interface IdentityPoolOptions {
  file: StateFile<IdentityPoolState>;
  credentials: CredentialStore;
  providers: readonly LoginProvider[];
  region: string;
  credentialLifetimeSeconds: number;
  now: () => number;
}

interface VerifiedLogin {
  provider: LoginProvider;
  claims: JWTPayload & { sub: string };
}

const invalidLoginToken = (detail: string) => notAuthorized(`Invalid login token. ${detail}`);
const loginsDoNotMatch = () =>
  notAuthorized(
    "Logins don't match. Please include at least one valid login for this identity or identity pool.",
  );

/**
 * An identity pool with user-pool providers, no guest access, and token-based role mapping
 * whose ambiguous case is denied: the configuration DESIGN.md and the CDK app give it.
 */
export class IdentityPool {
  private constructor(
    private readonly state: IdentityPoolState,
    private readonly options: IdentityPoolOptions,
  ) {}

  static open(options: IdentityPoolOptions): IdentityPool {
    const state = options.file.load() ?? {
      identityPoolId: newRegionalUuid(options.region),
      identityPoolName: 'console_local',
      identities: {},
    };
    options.file.save(state);
    return new IdentityPool(state, options);
  }

  get id(): string {
    return this.state.identityPoolId;
  }

  private assertPool(identityPoolId: string): void {
    if (identityPoolId !== this.state.identityPoolId) {
      throw resourceNotFound(`IdentityPool '${identityPoolId}' not found.`);
    }
  }

  /** GetId: the same identity id every time for the same user-pool subject. */
  async getId(identityPoolId: string, logins: Record<string, string> | undefined): Promise<string> {
    this.assertPool(identityPoolId);
    const login = await this.verifyLogins(logins);
    const existing = Object.entries(this.state.identities).find(
      ([, identity]) =>
        identity.providerName === login.provider.providerName && identity.sub === login.claims.sub,
    );
    if (existing) return existing[0];
    const identityId = newRegionalUuid(this.options.region);
    const now = this.options.now();
    this.state.identities[identityId] = {
      providerName: login.provider.providerName,
      sub: login.claims.sub,
      createdAt: now,
      lastModifiedAt: now,
    };
    this.options.file.save(this.state);
    return identityId;
  }

  /** GetCredentialsForIdentity: temporary credentials for the role the token maps to. */
  async getCredentialsForIdentity(
    identityId: string,
    logins: Record<string, string> | undefined,
    customRoleArn: string | undefined,
  ): Promise<IssuedCredentials> {
    const identity = Object.hasOwn(this.state.identities, identityId)
      ? this.state.identities[identityId]
      : undefined;
    if (!identity) throw resourceNotFound(`Identity '${identityId}' not found.`);
    if (!logins || Object.keys(logins).length === 0) throw loginsDoNotMatch();
    const login = await this.verifyLogins(logins);
    if (
      login.provider.providerName !== identity.providerName ||
      login.claims.sub !== identity.sub
    ) {
      throw loginsDoNotMatch();
    }
    const roleArn = resolveRole(login, customRoleArn);
    const provider = login.provider.providerName;
    return this.options.credentials.issue({
      roleArn,
      identityId,
      identityPoolId: this.id,
      authenticationProvider: `${provider},${provider}:CognitoSignIn:${login.claims.sub}`,
      lifetimeSeconds: this.options.credentialLifetimeSeconds,
    });
  }

  /** Checks the one login a request carries: provider, signature, issuer, audience, expiry. */
  private async verifyLogins(logins: Record<string, string> | undefined): Promise<VerifiedLogin> {
    const entries = Object.entries(logins ?? {});
    if (entries.length === 0) {
      throw notAuthorized('Unauthenticated access is not supported for this identity pool.');
    }
    if (entries.length > 1) throw invalidLoginToken('Only one login per request is supported.');
    const [key, token] = entries[0]!;
    const provider = this.options.providers.find(
      (p) => p.providerName === key || p.issuer.replace(/^\w+:\/\//, '') === key,
    );
    if (!provider) throw invalidLoginToken("Issuer doesn't match providerName");
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, createLocalJWKSet(provider.jwks), {
        algorithms: ['RS256'],
        currentDate: new Date(this.options.now()),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        const exp = (error.payload.exp ?? 0).toString();
        throw invalidLoginToken(
          `Token expired: ${Math.floor(this.options.now() / 1000)} >= ${exp}`,
        );
      }
      throw invalidLoginToken("Couldn't verify signed token.");
    }
    if (claims.iss !== provider.issuer)
      throw invalidLoginToken("Issuer doesn't match providerName");
    if (claims.aud === undefined) throw invalidLoginToken('Missing a required claim: aud');
    if (claims.aud !== provider.clientId || claims.token_use !== 'id') {
      throw invalidLoginToken('Incorrect token audience.');
    }
    if (typeof claims.sub !== 'string') throw invalidLoginToken('Missing a required claim: sub');
    return { provider, claims: claims as VerifiedLogin['claims'] };
  }
}

/**
 * Token-based role mapping: `CustomRoleArn` when it is one of the token's roles, else
 * `cognito:preferred_role`, else the token's only role; anything else is ambiguous → Deny.
 */
export function resolveRole(login: VerifiedLogin, customRoleArn: string | undefined): string {
  const roles = Array.isArray(login.claims['cognito:roles'])
    ? (login.claims['cognito:roles'] as unknown[]).filter((r): r is string => typeof r === 'string')
    : [];
  const preferred = login.claims['cognito:preferred_role'];
  if (customRoleArn !== undefined) {
    if (roles.includes(customRoleArn)) return customRoleArn;
    throw new AwsError(
      'InvalidParameterException',
      'The role ARN specified in CustomRoleArn is not among the roles in the token.',
    );
  }
  if (typeof preferred === 'string' && preferred) return preferred;
  if (roles.length === 1) return roles[0]!;
  throw notAuthorized(
    `The ambiguous role mapping rules for: ${login.provider.providerName} denied this request.`,
  );
}
