import { GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { Sha256 } from '@aws-crypto/sha256-js';
import {
  GetTokensFromRefreshTokenCommand,
  RespondToAuthChallengeCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { signableQuery } from '../../../src/api/sign-request';
import { srpSignIn } from './srp-client';
import { nextTotpCode } from './totp';
import type { TestStack } from './test-stack';

export const SEEDED_ADMIN = { email: 'admin@example.com', password: 'Admin-Passw0rd!' };
export const SEEDED_HELPDESK = { email: 'helpdesk@example.com', password: 'Helpdesk-Passw0rd!' };
export const SEEDED_USER = { email: 'user@example.com', password: 'User-Passw0rd!' };

export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

/** A signed-in user as the browser holds them: tokens, identity, role credentials. */
export interface SignedInCaller {
  email: string;
  username: string;
  idToken: string;
  accessToken: string;
  refreshToken: string;
  identityId: string;
  credentials: TemporaryCredentials;
}

const payloadOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as {
    iss: string;
    sub: string;
  };

/** The `Logins` map exactly as aws-amplify builds it: keyed by the token's issuer. */
export function loginsFor(idToken: string): Record<string, string> {
  return { [payloadOf(idToken).iss.replace(/^\w+:\/\//, '')]: idToken };
}

/**
 * Signs in through the user pool (SRP, the deployed client's flow) and the identity pool with
 * unmodified SDK clients: the same path the browser takes, ending with the credentials of the
 * user's group role. With `totpSecret`, answers SOFTWARE_TOKEN_MFA with an unused code.
 */
export async function signIn(
  stack: TestStack,
  user: { email: string; password: string; totpSecret?: string },
): Promise<SignedInCaller> {
  let auth = await srpSignIn(stack.idp, {
    userPoolId: stack.userPool.id,
    clientId: stack.userPool.clientId,
    username: user.email,
    password: user.password,
  });
  if (auth.ChallengeName === 'SOFTWARE_TOKEN_MFA' && user.totpSecret) {
    auth = await stack.idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: stack.userPool.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: auth.Session,
        ChallengeResponses: {
          USERNAME: auth.ChallengeParameters!.USER_ID_FOR_SRP!,
          SOFTWARE_TOKEN_MFA_CODE: await nextTotpCode(user.totpSecret, stack.clock.now),
        },
      }),
    );
  }
  if (!auth.AuthenticationResult) {
    throw new Error(`Sign-in stopped at challenge ${String(auth.ChallengeName)}`);
  }
  return callerFromTokens(stack, user.email, auth.AuthenticationResult);
}

/** A caller from a finished sign-in's tokens: the identity pool's credentials for them. */
export async function callerFromTokens(
  stack: TestStack,
  email: string,
  tokens: AuthenticationResultType,
): Promise<SignedInCaller> {
  const idToken = tokens.IdToken!;
  const logins = loginsFor(idToken);
  const { IdentityId } = await stack.identity.send(
    new GetIdCommand({ IdentityPoolId: stack.identityPool.id, Logins: logins }),
  );
  const { Credentials } = await stack.identity.send(
    new GetCredentialsForIdentityCommand({ IdentityId: IdentityId!, Logins: logins }),
  );
  return {
    email,
    username: payloadOf(idToken).sub,
    idToken,
    accessToken: tokens.AccessToken!,
    refreshToken: tokens.RefreshToken!,
    identityId: IdentityId!,
    credentials: {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretKey!,
      sessionToken: Credentials!.SessionToken!,
      expiration: Credentials!.Expiration!,
    },
  };
}

/** What a request is signed with: temporary credentials, or an IAM user's key (no session). */
export type SigningCredentials = Omit<TemporaryCredentials, 'expiration' | 'sessionToken'> & {
  sessionToken?: string;
};

export interface SignedFetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Signs as of this time instead of now (to test the 5-minute window). */
  signingDate?: Date;
}

/**
 * `fetch` signed with @smithy/signature-v4 for `execute-api`, signing `host`, `x-amz-date`,
 * the session token, every header given, and the exact body bytes.
 */
export async function signedFetch(
  url: string,
  credentials: SigningCredentials,
  init: SignedFetchInit = {},
): Promise<Response> {
  const request = await signRequest(url, credentials, init);
  return fetch(url, { method: request.method, headers: request.headers, body: request.body });
}

export async function signRequest(
  url: string,
  credentials: SigningCredentials,
  init: SignedFetchInit = {},
): Promise<{ method: string; headers: Record<string, string>; body: string | undefined }> {
  const target = new URL(url);
  const signer = new SignatureV4({
    credentials,
    region: 'ap-northeast-1',
    service: 'execute-api',
    sha256: Sha256,
    uriEscapePath: true,
  });
  const signed = await signer.sign(
    new HttpRequest({
      method: init.method ?? 'GET',
      protocol: target.protocol,
      hostname: target.hostname,
      port: Number(target.port),
      // The wire form: SigV4 for execute-api encodes it once more in the canonical request.
      path: target.pathname,
      query: signableQuery(target),
      headers: { host: target.host, ...init.headers },
      body: init.body,
    }),
    init.signingDate ? { signingDate: init.signingDate } : {},
  );
  return { method: signed.method, headers: signed.headers, body: init.body };
}

/** Parsed JSON whose shape each test asserts itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A JSON call to a route of the admin API as `caller`. */
export function callAdmin(
  stack: TestStack,
  caller: SignedInCaller,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json; headers: Headers }> {
  return callAdminWith(stack, caller.credentials, method, path, body);
}

/** A JSON call to a route of the admin API signed with any credentials (a role's, a key). */
export async function callAdminWith(
  stack: TestStack,
  credentials: SigningCredentials,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await signedFetch(`${stack.apiUrls.admin}${path}`, credentials, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

/**
 * What using `refreshToken` now gives, as Amplify would use it: "refreshed", or Cognito's
 * refusal as "Name: message" (a revoked token after sign-out everywhere).
 */
export async function refreshOutcome(stack: TestStack, refreshToken: string): Promise<string> {
  try {
    await stack.idp.send(
      new GetTokensFromRefreshTokenCommand({
        ClientId: stack.userPool.clientId,
        RefreshToken: refreshToken,
      }),
    );
    return 'refreshed';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}
