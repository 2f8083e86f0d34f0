import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload } from 'jose';
import { unauthorized } from './gateway-response';

export interface CognitoAuthorizerOptions {
  issuer: string;
  /** The pool's JWKS: a token's `kid` picks the key; then only an ID token passes. */
  jwks: JSONWebKeySet;
  now: () => number;
}

/** `Fri Jul 29 18:52:53 UTC 2016`: how REST APIs render `exp` and `iat` in claims. */
function javaDate(seconds: number): string {
  // toUTCString() is `Fri, 29 Jul 2016 18:52:53 GMT`; Java puts the parts in another order.
  const [weekday, day, month, year, time] = new Date(seconds * 1000)
    .toUTCString()
    .replace(',', '')
    .split(' ');
  return `${weekday} ${month} ${day} ${time} UTC ${year}`;
}

/** Claims as a REST API's Cognito authorizer passes them on: every value a string. */
function stringifyClaims(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if ((name === 'exp' || name === 'iat') && typeof value === 'number') {
      claims[name] = javaDate(value);
    } else if (Array.isArray(value)) claims[name] = value.join(',');
    else if (typeof value === 'object' && value !== null) claims[name] = JSON.stringify(value);
    else claims[name] = String(value);
  }
  return claims;
}

/**
 * A REST API's Cognito user pool authorizer: the `Authorization` header must be an ID token
 * the pool signed. Missing or invalid answers 401 `Unauthorized`; expired answers 401
 * `The incoming token has expired`.
 */
export class CognitoAuthorizer {
  private readonly keys;

  constructor(private readonly options: CognitoAuthorizerOptions) {
    this.keys = createLocalJWKSet(options.jwks);
  }

  async authorize(authorization: string | undefined): Promise<Record<string, string>> {
    if (!authorization) throw unauthorized();
    try {
      const { payload } = await jwtVerify(authorization, this.keys, {
        issuer: this.options.issuer,
        currentDate: new Date(this.options.now()),
        algorithms: ['RS256'],
      });
      if (payload.token_use !== 'id') throw unauthorized();
      return stringifyClaims(payload);
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthorized('The incoming token has expired');
      throw unauthorized();
    }
  }
}
