import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SignedRequest, VerifierOptions } from '../gateway/sigv4-verifier';
import type { IssuedCredentials, TemporaryCredentials } from '../iam/credentials';

/** The verifier's unit tests: one set of issued credentials, a fixed clock, a browser-like signer. */

export const NOW = Date.UTC(2026, 10, 21, 8, 47, 0);
export const HOST = '127.0.0.1:4567';

export const issued: TemporaryCredentials = {
  accessKeyId: 'ASIAEXAMPLEKEY000001',
  // AWS's published example secret key (IAM user guide): not a credential of anyone's.
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'session-token-from-the-identity-pool',
  roleArn: 'arn:aws:iam::000000000000:role/ConsoleAdminRole',
  assumedRoleArn:
    'arn:aws:sts::000000000000:assumed-role/ConsoleAdminRole/CognitoIdentityCredentials',
  identityId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
  identityPoolId: 'ap-northeast-1:99999999-8888-7777-6666-555555555555',
  authenticationProvider:
    'cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Example,cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_Example:CognitoSignIn:sub-1',
  issuedAt: NOW - 60_000,
  expiresAt: NOW + 3_600_000,
};

/** The admin API's verifier settings, finding only `issued` (with `overrides`), at `now`. */
export const verifierOptions = (
  overrides: Partial<IssuedCredentials> = {},
  now = NOW,
): VerifierOptions => ({
  region: 'ap-northeast-1',
  service: 'execute-api',
  now: () => now,
  findCredentials: (id: string) =>
    id === issued.accessKeyId ? { ...issued, ...overrides } : undefined,
});

export interface ClientRequest {
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: string;
  headers?: Record<string, string>;
}

/** Signs as a browser client would with @smithy/signature-v4, then shapes it as it arrives on the wire. */
export async function signAsClient(request: ClientRequest, signedAt = NOW): Promise<SignedRequest> {
  const signer = new SignatureV4({
    credentials: issued,
    region: 'ap-northeast-1',
    service: 'execute-api',
    sha256: Sha256,
  });
  const body = request.body ?? '';
  const signed = await signer.sign(
    new HttpRequest({
      method: request.method,
      protocol: 'https:',
      hostname: '127.0.0.1',
      port: 4567,
      path: request.path,
      query: request.query ?? {},
      headers: { host: HOST, ...(request.headers ?? {}) },
      body,
    }),
    { signingDate: new Date(signedAt) },
  );
  const rawQuery = Object.entries(request.query ?? {})
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return {
    method: request.method,
    rawPath: request.path,
    rawQuery,
    headers: Object.fromEntries(
      Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    ),
    body: new TextEncoder().encode(body),
  };
}
