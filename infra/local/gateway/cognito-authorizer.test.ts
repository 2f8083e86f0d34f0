import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInProcessUserPool, type InProcessUserPool } from '../testing/in-process-user-pool';
import type { AuthenticationResult } from '../user-pool/tokens';
import { CognitoAuthorizer } from './cognito-authorizer';

let local: InProcessUserPool;
let tokens: AuthenticationResult;
let authorizer: CognitoAuthorizer;

beforeAll(async () => {
  local = await openInProcessUserPool();
  const user = local.pool.ensureSeedUser('ada@example.com', 'Right-Passw0rd!', ['general']);
  tokens = await local.pool.startSession(user, local.pool.clientId);
  authorizer = new CognitoAuthorizer({
    issuer: local.pool.issuer,
    jwks: local.pool.jwks,
    now: Date.now,
  });
});
afterAll(() => local.dispose());

const refusal = (token: string) =>
  authorizer.authorize(token).then(
    () => 'accepted',
    (error: { status: number; message: string }) => `${error.status} ${error.message}`,
  );

describe("a REST API's Cognito authorizer with a pool that signs each token with its own key", () => {
  it('accepts an ID token, verified under the key its kid names', async () => {
    const claims = await authorizer.authorize(tokens.IdToken);
    expect(claims).toMatchObject({ token_use: 'id', 'cognito:groups': 'general' });
  });

  it('refuses an access token presented as an ID token', async () => {
    expect(await refusal(tokens.AccessToken)).toBe('401 Unauthorized');
  });

  it('refuses a token signed with the access-token key that names the ID-token key', async () => {
    const { idToken, accessToken } = local.pool.signingKeys;
    const forged = await new SignJWT({ token_use: 'id', aud: local.pool.clientId })
      .setProtectedHeader({ alg: 'RS256', kid: idToken.kid })
      .setIssuer(local.pool.issuer)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(accessToken.privateKey);
    expect(await refusal(forged)).toBe('401 Unauthorized');
  });
});
