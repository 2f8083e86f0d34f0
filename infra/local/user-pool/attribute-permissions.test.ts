import { afterEach, describe, expect, it } from 'vitest';
import { SPA_CLIENT_SETTINGS, USER_POOL_SETTINGS } from '@contract';
import { expectAwsError } from '../testing/aws-assertions';
import { openInProcessUserPool, type InProcessUserPool } from '../testing/in-process-user-pool';
import { srpSignIn } from '../testing/srp-client';
import type { UserPoolDefinition } from './model';

const EMAIL = 'ada@example.com';
const PASSWORD = 'Right-Passw0rd!';
const UNAUTHORIZED = 'A client attempted to write unauthorized attribute';

let local: InProcessUserPool;
afterEach(() => local.dispose());

const list = (attributes: Record<string, string>) =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

async function signedIn(definition?: UserPoolDefinition) {
  local = await openInProcessUserPool({ definition });
  local.pool.ensureSeedUser(EMAIL, PASSWORD, []);
  const result = await srpSignIn(local.transport, {
    userPoolId: local.pool.id,
    clientId: local.pool.clientId,
    username: EMAIL,
    password: PASSWORD,
  });
  return result.AuthenticationResult!;
}

const updateOwn = (AccessToken: string, attributes: Record<string, string>) =>
  local.call('UpdateUserAttributes', { AccessToken, UserAttributes: list(attributes) });
const adminUpdate = (attributes: Record<string, string>) =>
  local.call('AdminUpdateUserAttributes', {
    UserPoolId: local.pool.id,
    Username: EMAIL,
    UserAttributes: list(attributes),
  });
const adminAttributes = async (username = EMAIL) =>
  Object.fromEntries(
    (
      await local.call('AdminGetUser', { UserPoolId: local.pool.id, Username: username })
    ).UserAttributes.map((a: { Name: string; Value: string }) => [a.Name, a.Value]),
  );

describe("a user's own access token writes only the app client's write attributes", () => {
  it.each([
    ['name', 'Ada'],
    ['email_verified', 'false'],
    ['locale', 'ja'],
  ])('refuses %s, which the pool has but the client may not write', async (name, value) => {
    const { AccessToken } = await signedIn();
    const before = await adminAttributes();
    await expectAwsError(
      updateOwn(AccessToken!, { [name]: value }),
      'NotAuthorizedException',
      UNAUTHORIZED,
    );
    expect(await adminAttributes()).toEqual(before);
  });

  it.each(['custom:plan', 'cognito:user_status'])(
    'refuses %s, which is not in the schema at all',
    async (name) => {
      const { AccessToken } = await signedIn();
      await expectAwsError(
        updateOwn(AccessToken!, { [name]: 'x' }),
        'InvalidParameterException',
        `Invalid user attributes: user.${name}: Attribute does not exist in the schema.\n`,
      );
    },
  );

  it('refuses sub, which nobody writes', async () => {
    const { AccessToken } = await signedIn();
    await expectAwsError(
      updateOwn(AccessToken!, { sub: 'mine' }),
      'InvalidParameterException',
      'Cannot modify the non-mutable attribute sub',
    );
  });

  it('writes e-mail, the one attribute it may, which takes effect once verified', async () => {
    const { AccessToken } = await signedIn();
    const answer = await updateOwn(AccessToken!, { email: 'ada.l@example.com' });
    expect(answer.CodeDeliveryDetailsList).toEqual([
      { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    ]);
    expect(await adminAttributes()).toMatchObject({ email: EMAIL, email_verified: 'true' });
  });

  it('without keepOriginal, writes e-mail at once, unverified, with a code to the new address', async () => {
    const { AccessToken } = await signedIn({
      pool: { ...USER_POOL_SETTINGS, attributesRequireVerificationBeforeUpdate: [] },
      client: SPA_CLIENT_SETTINGS,
    });
    const answer = await updateOwn(AccessToken!, { email: 'ada.l@example.com' });
    expect(answer.CodeDeliveryDetailsList).toEqual([
      { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    ]);
    expect(await adminAttributes('ada.l@example.com')).toMatchObject({
      email: 'ada.l@example.com',
      email_verified: 'false',
    });
    expect(local.outbox.list('ada.l@example.com')[0]?.kind).toBe('verification-code');
  });

  it('refuses an unauthorized attribute set while answering NEW_PASSWORD_REQUIRED, changing nothing', async () => {
    local = await openInProcessUserPool();
    local.pool.adminCreateUser({ username: EMAIL, attributes: {}, temporaryPassword: PASSWORD });
    const challenge = await srpSignIn(local.transport, {
      userPoolId: local.pool.id,
      clientId: local.pool.clientId,
      username: EMAIL,
      password: PASSWORD,
    });
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const respond = (responses: Record<string, string>) =>
      local.call('RespondToAuthChallenge', {
        ClientId: local.pool.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: {
          USERNAME: challenge.ChallengeParameters!.USER_ID_FOR_SRP,
          NEW_PASSWORD: 'Chosen-Passw0rd!',
          ...responses,
        },
      });
    await expectAwsError(
      respond({ 'userAttributes.name': 'Ada' }),
      'NotAuthorizedException',
      UNAUTHORIZED,
    );
    expect(local.pool.findUser(EMAIL)!.status).toBe('FORCE_CHANGE_PASSWORD');
    expect((await respond({})).AuthenticationResult.IdToken).toBeTruthy();
  });
});

describe("a user's own access token reads only the app client's read attributes", () => {
  it('GetUser and the ID token show sub, email and email_verified, not what an admin set besides', async () => {
    const tokens = await signedIn();
    await adminUpdate({ name: 'Ada Lovelace', locale: 'en' });
    const me = await local.call('GetUser', { AccessToken: tokens.AccessToken });
    expect(me.UserAttributes.map((a: { Name: string }) => a.Name).sort()).toEqual([
      'email',
      'email_verified',
      'sub',
    ]);
    const refreshed = await local.call('GetTokensFromRefreshToken', {
      ClientId: local.pool.clientId,
      RefreshToken: tokens.RefreshToken,
    });
    const claims = claimsOf(refreshed.AuthenticationResult.IdToken);
    expect(claims).toMatchObject({ email: EMAIL, email_verified: true });
    expect(claims).not.toHaveProperty('name');
    expect(claims).not.toHaveProperty('locale');
  });
});

describe('administrators answer to the schema, not to the app client', () => {
  it('AdminUpdateUserAttributes writes attributes the client may not', async () => {
    await signedIn();
    await adminUpdate({ name: 'Grace', email_verified: 'false' });
    expect(await adminAttributes()).toMatchObject({ name: 'Grace', email_verified: 'false' });
  });

  it('AdminUpdateUserAttributes refuses a custom attribute the schema lacks', async () => {
    await signedIn();
    await expectAwsError(
      adminUpdate({ 'custom:plan': 'pro' }),
      'InvalidParameterException',
      'Invalid user attributes: user.custom:plan: Attribute does not exist in the schema.\n',
    );
  });

  it('AdminCreateUser refuses a custom attribute the schema lacks', async () => {
    local = await openInProcessUserPool();
    await expectAwsError(
      local.call('AdminCreateUser', {
        UserPoolId: local.pool.id,
        Username: EMAIL,
        UserAttributes: list({ 'custom:plan': 'pro' }),
      }),
      'InvalidParameterException',
      'Attributes did not conform to the schema: custom:plan: Attribute does not exist in the schema.\n',
    );
  });

  it("reads the schema's custom attributes and their mutability", async () => {
    const withCustom: UserPoolDefinition = {
      pool: {
        ...USER_POOL_SETTINGS,
        customAttributes: {
          plan: { dataType: 'String', mutable: true },
          tenant: { dataType: 'String', mutable: false },
        },
      },
      client: SPA_CLIENT_SETTINGS,
    };
    local = await openInProcessUserPool({ definition: withCustom });
    await local.call('AdminCreateUser', {
      UserPoolId: local.pool.id,
      Username: EMAIL,
      UserAttributes: list({ 'custom:tenant': 'acme' }),
    });
    await adminUpdate({ 'custom:plan': 'pro' });
    expect(await adminAttributes()).toMatchObject({
      'custom:plan': 'pro',
      'custom:tenant': 'acme',
    });
    await expectAwsError(
      adminUpdate({ 'custom:tenant': 'other' }),
      'InvalidParameterException',
      'Cannot modify the non-mutable attribute custom:tenant',
    );
  });
});
