import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, createLocalJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { AppClientSettings } from '@contract';
import { newOpaqueToken } from '../aws/identifiers';
import { notAuthorized } from '../aws/errors';
import { keySetOf, type PoolSigningKeys, type SigningKey } from './signing-key';
import type { GroupRecord, RefreshTokenRecord, UserRecord } from './state';
import { roleClaims } from './role-claims';

export interface AuthenticationResult {
  AccessToken: string;
  IdToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

export interface AccessTokenClaims extends JWTPayload {
  sub: string;
  username: string;
  client_id: string;
  origin_jti: string;
  token_use: 'access';
  iat: number;
}

export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Attributes an ID token carries as JSON booleans, as Cognito puts them. */
const BOOLEAN_ATTRIBUTES = new Set(['email_verified', 'phone_number_verified']);

type TokenSettings = Pick<
  AppClientSettings,
  'idTokenValiditySeconds' | 'accessTokenValiditySeconds' | 'readAttributes'
>;

/**
 * Mints and verifies the pool's JWTs, with claims as Cognito issues them: ID tokens and access
 * tokens each signed with their own key (`kid`), as Cognito does.
 */
export class TokenMinter {
  private readonly accessTokenKeys;

  constructor(
    private readonly keys: PoolSigningKeys,
    /** `iss`: the pool's URL on the edge, so `${iss}/.well-known/jwks.json` resolves. */
    readonly issuer: string,
    private readonly now: () => number,
    private readonly client: TokenSettings,
  ) {
    this.accessTokenKeys = createLocalJWKSet(keySetOf(keys.accessToken));
  }

  async mint(
    user: UserRecord,
    groups: readonly GroupRecord[],
    session: Pick<RefreshTokenRecord, 'clientId' | 'originJti' | 'authTime'>,
  ): Promise<AuthenticationResult> {
    const iat = Math.floor(this.now() / 1000);
    const groupNames = groups.map((group) => group.name);
    const common = {
      sub: user.attributes.sub,
      ...(groupNames.length ? { 'cognito:groups': groupNames } : {}),
      origin_jti: session.originJti,
      event_id: randomUUID(),
      auth_time: session.authTime,
    };
    const idClaims = {
      ...this.readableClaims(user.attributes),
      ...common,
      'cognito:username': user.username,
      ...roleClaims(groups),
      aud: session.clientId,
      token_use: 'id',
    };
    const accessClaims = {
      ...common,
      client_id: session.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: user.username,
    };
    return {
      IdToken: await this.sign(
        idClaims,
        iat,
        this.client.idTokenValiditySeconds,
        this.keys.idToken,
      ),
      AccessToken: await this.sign(
        accessClaims,
        iat,
        this.client.accessTokenValiditySeconds,
        this.keys.accessToken,
      ),
      ExpiresIn: this.client.accessTokenValiditySeconds,
      TokenType: 'Bearer',
    };
  }

  newRefreshToken(): string {
    return newOpaqueToken(128);
  }

  /**
   * Signature (by the access-token key only), issuer, use and expiry, with Cognito's messages;
   * revocation is the model's.
   */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.accessTokenKeys, {
        issuer: this.issuer,
        algorithms: ['RS256'],
        currentDate: new Date(this.now()),
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw notAuthorized('Access Token has expired');
      throw notAuthorized('Invalid Access Token');
    }
    if (payload.token_use !== 'access') throw notAuthorized('Invalid Access Token');
    return payload as AccessTokenClaims;
  }

  /** The user's attributes the app client may read, as ID-token claims. */
  private readableClaims(attributes: Record<string, string>): Record<string, string | boolean> {
    return Object.fromEntries(
      this.client.readAttributes
        .filter((name) => attributes[name] !== undefined)
        .map((name) => {
          const value = attributes[name]!;
          return [name, BOOLEAN_ATTRIBUTES.has(name) ? value === 'true' : value];
        }),
    );
  }

  private sign(claims: JWTPayload, iat: number, lifetime: number, key: SigningKey) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + lifetime)
      .setJti(randomUUID())
      .sign(key.privateKey);
  }
}
