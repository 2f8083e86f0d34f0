import { createHash, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { newOpaqueToken } from '../aws/identifiers';
import { notAuthorized } from '../aws/errors';
import type { SigningKey } from './signing-key';
import type { GroupRecord, RefreshTokenRecord, UserRecord } from './state';
import { roleClaims } from './role-claims';

export const ACCESS_TOKEN_SECONDS = 3600;
export const REFRESH_TOKEN_SECONDS = 30 * 24 * 3600;

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

/** Mints and verifies the pool's JWTs, with claims as Cognito issues them. */
export class TokenMinter {
  constructor(
    private readonly key: SigningKey,
    /** `iss`: the pool's URL on the edge, so `${iss}/.well-known/jwks.json` resolves. */
    readonly issuer: string,
    private readonly now: () => number,
  ) {}

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
      ...common,
      ...(user.attributes.email_verified !== undefined
        ? { email_verified: user.attributes.email_verified === 'true' }
        : {}),
      'cognito:username': user.username,
      ...roleClaims(groups),
      aud: session.clientId,
      token_use: 'id',
      ...pickProfileClaims(user.attributes),
    };
    const accessClaims = {
      ...common,
      client_id: session.clientId,
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: user.username,
    };
    return {
      IdToken: await this.sign(idClaims, iat),
      AccessToken: await this.sign(accessClaims, iat),
      ExpiresIn: ACCESS_TOKEN_SECONDS,
      TokenType: 'Bearer',
    };
  }

  newRefreshToken(): string {
    return newOpaqueToken(128);
  }

  /** Signature, issuer, use and expiry, with Cognito's messages; revocation is the model's. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key.publicKey, {
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

  private sign(claims: JWTPayload, iat: number): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: this.key.kid })
      .setIssuer(this.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ACCESS_TOKEN_SECONDS)
      .setJti(randomUUID())
      .sign(this.key.privateKey);
  }
}

/** The standard attributes an ID token carries, when the user has them. */
function pickProfileClaims(attributes: Record<string, string>): Record<string, string> {
  const names = ['email', 'name', 'given_name', 'family_name', 'locale', 'preferred_username'];
  return Object.fromEntries(
    names.filter((n) => attributes[n] !== undefined).map((n) => [n, attributes[n]!]),
  );
}
