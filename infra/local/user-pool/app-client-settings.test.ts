import { afterEach, describe, expect, it } from 'vitest';
import { SPA_CLIENT_SETTINGS, USER_POOL_SETTINGS, type AppClientSettings } from '@contract';
import { expectAwsError } from '../testing/aws-assertions';
import { openInProcessUserPool, type InProcessUserPool } from '../testing/in-process-user-pool';
import { srpSignIn } from '../testing/srp-client';

const EMAIL = 'ada@example.com';
const PASSWORD = 'Right-Passw0rd!';

let local: InProcessUserPool;
afterEach(() => local.dispose());

let clock = 0;
async function poolWith(client: Partial<AppClientSettings> = {}) {
  clock = Date.now();
  local = await openInProcessUserPool({
    definition: { pool: USER_POOL_SETTINGS, client: { ...SPA_CLIENT_SETTINGS, ...client } },
    now: () => clock,
  });
  local.pool.ensureSeedUser(EMAIL, PASSWORD, []);
}
const signIn = (username = EMAIL) =>
  srpSignIn(local.transport, {
    userPoolId: local.pool.id,
    clientId: local.pool.clientId,
    username,
    password: PASSWORD,
  });
const forgotPassword = (Username: string) =>
  local.call('ForgotPassword', { ClientId: local.pool.clientId, Username });
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as {
    iat: number;
    exp: number;
  };

describe('PreventUserExistenceErrors', () => {
  it('on (deployed): an unknown user is answered like a wrong password', async () => {
    await poolWith();
    await expectAwsError(
      signIn('nobody@example.com'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    expect((await forgotPassword('nobody@example.com')).CodeDeliveryDetails).toMatchObject({
      DeliveryMedium: 'EMAIL',
    });
  });

  it('off: an unknown user is named as such', async () => {
    await poolWith({ preventUserExistenceErrors: false });
    await expectAwsError(
      signIn('nobody@example.com'),
      'UserNotFoundException',
      'User does not exist.',
    );
    await expectAwsError(
      forgotPassword('nobody@example.com'),
      'UserNotFoundException',
      'Username/client id combination not found.',
    );
  });
});

describe('token revocation', () => {
  it('on (deployed): RevokeToken ends the refresh token', async () => {
    await poolWith();
    const { RefreshToken } = (await signIn()).AuthenticationResult!;
    await local.call('RevokeToken', { ClientId: local.pool.clientId, Token: RefreshToken });
    await expectAwsError(
      local.call('GetTokensFromRefreshToken', {
        ClientId: local.pool.clientId,
        RefreshToken,
      }),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
  });

  it('off: RevokeToken is refused', async () => {
    await poolWith({ enableTokenRevocation: false });
    const { RefreshToken } = (await signIn()).AuthenticationResult!;
    await expectAwsError(
      local.call('RevokeToken', { ClientId: local.pool.clientId, Token: RefreshToken }),
      'UnsupportedOperationException',
    );
  });
});

describe('token validities', () => {
  it('gives ID and access tokens the lifetimes the client declares', async () => {
    await poolWith({ idTokenValiditySeconds: 900, accessTokenValiditySeconds: 300 });
    const result = (await signIn()).AuthenticationResult!;
    const id = claimsOf(result.IdToken!);
    const access = claimsOf(result.AccessToken!);
    expect(id.exp - id.iat).toBe(900);
    expect(access.exp - access.iat).toBe(300);
    expect(result.ExpiresIn).toBe(300);
  });

  it('ends the refresh token when its validity does', async () => {
    await poolWith({ refreshTokenValiditySeconds: 3600 });
    const { RefreshToken } = (await signIn()).AuthenticationResult!;
    const refresh = () =>
      local.call('GetTokensFromRefreshToken', { ClientId: local.pool.clientId, RefreshToken });
    clock += 3599_000;
    await expect(refresh()).resolves.toBeTruthy();
    clock += 1000;
    await expectAwsError(refresh(), 'NotAuthorizedException', 'Invalid Refresh Token');
  });

  it('ends a NEW_PASSWORD_REQUIRED session after the auth session validity', async () => {
    await poolWith({ authSessionValiditySeconds: 180 });
    local.pool.adminCreateUser({
      username: 'new@example.com',
      attributes: {},
      temporaryPassword: PASSWORD,
    });
    const challenge = await signIn('new@example.com');
    clock += 180_000;
    await expectAwsError(
      local.call('RespondToAuthChallenge', {
        ClientId: local.pool.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: {
          USERNAME: challenge.ChallengeParameters!.USER_ID_FOR_SRP,
          NEW_PASSWORD: 'Chosen-Passw0rd!',
        },
      }),
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  });
});
