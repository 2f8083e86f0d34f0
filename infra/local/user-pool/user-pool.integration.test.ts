import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  GetGroupCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListGroupsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  UpdateUserAttributesCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_NAMES, GROUPS, roleArn } from '@contract';
import { expectAwsError } from '../testing/aws-assertions';
import { srpSignIn } from '../testing/srp-client';
import { startTestStack, type TestStack } from '../testing/test-stack';

const ADMIN = { email: 'admin@example.com', password: 'Admin-Passw0rd!' };
const USER = { email: 'user@example.com', password: 'User-Passw0rd!' };
const DAY_MS = 24 * 3600 * 1000;

let stack: TestStack;
let poolId: string;
let clientId: string;

beforeAll(async () => {
  stack = await startTestStack();
  poolId = stack.userPool.id;
  clientId = stack.userPool.clientId;
});
afterAll(() => stack.stop());

/** SRP, the one sign-in flow the deployed app client allows. */
function passwordSignIn(email: string, password: string) {
  return srpSignIn(stack.idp, { userPoolId: poolId, clientId, username: email, password });
}

async function tokensFor(
  email: string,
  password: string,
): Promise<Required<AuthenticationResultType>> {
  const result = await passwordSignIn(email, password);
  expect(result.ChallengeName).toBeUndefined();
  return result.AuthenticationResult as Required<AuthenticationResultType>;
}

const refreshWith = (RefreshToken: string) =>
  stack.idp.send(new GetTokensFromRefreshTokenCommand({ ClientId: clientId, RefreshToken }));

let inviteCount = 0;
/** Invites a fresh user through AdminCreateUser and returns their temporary password. */
async function invite(attributes: Record<string, string> = {}) {
  const email = `invitee${++inviteCount}@example.com`;
  const created = await stack.idp.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId,
      Username: email,
      UserAttributes: Object.entries({ email, email_verified: 'true', ...attributes }).map(
        ([Name, Value]) => ({ Name, Value }),
      ),
    }),
  );
  const message = stack.outbox.list(email)[0]!;
  return { email, username: created.User!.Username!, temporaryPassword: message.secret, created };
}

async function inviteConfirmed(password = 'Confirmed-Passw0rd!') {
  const invited = await invite();
  await stack.idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: poolId,
      Username: invited.email,
      Password: password,
      Permanent: true,
    }),
  );
  return { ...invited, password };
}

describe('sign-in and tokens', () => {
  it('issues RS256 tokens with the claims Cognito puts in them, verifiable with the published JWKS', async () => {
    const tokens = await tokensFor(ADMIN.email, ADMIN.password);
    const jwks = createRemoteJWKSet(new URL(`${stack.userPool.issuer}/.well-known/jwks.json`));
    const { payload: id, protectedHeader } = await jwtVerify(tokens.IdToken, jwks, {
      issuer: `${stack.edgeUrl}/${poolId}`,
      audience: clientId,
    });
    expect(protectedHeader.alg).toBe('RS256');
    expect(id).toMatchObject({
      token_use: 'id',
      email: ADMIN.email,
      email_verified: true,
      'cognito:groups': ['admin', 'general'],
      'cognito:roles': expect.arrayContaining([
        roleArn('000000000000', 'admin'),
        roleArn('000000000000', 'general'),
      ]),
      'cognito:preferred_role': roleArn('000000000000', 'admin'),
    });
    expect(id['cognito:username']).toBe(id.sub);
    expect(typeof id.auth_time).toBe('number');
    const { payload: access, protectedHeader: accessHeader } = await jwtVerify(
      tokens.AccessToken,
      jwks,
    );
    expect(accessHeader.kid).not.toBe(protectedHeader.kid);
    expect(access).toMatchObject({
      token_use: 'access',
      client_id: clientId,
      scope: 'aws.cognito.signin.user.admin',
      username: id.sub,
      origin_jti: id.origin_jti,
    });
    expect(tokens.ExpiresIn).toBe(3600);
    expect(tokens.TokenType).toBe('Bearer');
  });

  it('gives the general user the general role as preferred role', async () => {
    const tokens = await tokensFor(USER.email, USER.password);
    const claims = JSON.parse(Buffer.from(tokens.IdToken.split('.')[1]!, 'base64url').toString());
    expect(claims['cognito:groups']).toEqual(['general']);
    expect(claims['cognito:preferred_role']).toBe(roleArn('000000000000', 'general'));
    expect(claims['cognito:preferred_role']).toMatch(
      new RegExp(`role/${GROUPS.general.roleName}$`),
    );
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    await expectAwsError(
      passwordSignIn(ADMIN.email, 'Wrong-Passw0rd!'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectAwsError(
      passwordSignIn('nobody@example.com', 'Wrong-Passw0rd!'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });

  it('refreshes with REFRESH_TOKEN_AUTH and GetTokensFromRefreshToken, and refuses a bad refresh token', async () => {
    const tokens = await tokensFor(USER.email, USER.password);
    const viaInitiate = await stack.idp.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
      }),
    );
    expect(viaInitiate.AuthenticationResult?.IdToken).toBeTruthy();
    expect(viaInitiate.AuthenticationResult?.RefreshToken).toBeUndefined();
    const viaRefresh = await refreshWith(tokens.RefreshToken);
    expect(viaRefresh.AuthenticationResult?.AccessToken).toBeTruthy();
    await expectAwsError(
      stack.idp.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: 'not-a-token' },
        }),
      ),
      'NotAuthorizedException',
      'Invalid Refresh Token',
    );
  });

  it('refuses a disabled user after the password, and lets them in again once enabled', async () => {
    const user = await inviteConfirmed();
    await stack.idp.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: user.email }));
    await expectAwsError(
      passwordSignIn(user.email, user.password),
      'NotAuthorizedException',
      'User is disabled.',
    );
    await stack.idp.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: user.email }));
    await expect(tokensFor(user.email, user.password)).resolves.toBeTruthy();
  });

  it('RevokeToken stops the refresh token and the access tokens minted from it', async () => {
    const tokens = await tokensFor(USER.email, USER.password);
    await stack.idp.send(
      new RevokeTokenCommand({ ClientId: clientId, Token: tokens.RefreshToken }),
    );
    await expectAwsError(
      refreshWith(tokens.RefreshToken),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    await expectAwsError(
      stack.idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken })),
      'NotAuthorizedException',
      'Access Token has been revoked',
    );
  });

  it('GlobalSignOut and AdminUserGlobalSignOut end every session of the user', async () => {
    const user = await inviteConfirmed();
    const first = await tokensFor(user.email, user.password);
    const second = await tokensFor(user.email, user.password);
    await stack.idp.send(new GlobalSignOutCommand({ AccessToken: first.AccessToken }));
    await expectAwsError(
      stack.idp.send(new GetUserCommand({ AccessToken: second.AccessToken })),
      'NotAuthorizedException',
      'Access Token has been revoked',
    );
    await expectAwsError(
      refreshWith(second.RefreshToken),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );

    stack.clock.advance(1000); // a new session starts after the sign-out second
    const third = await tokensFor(user.email, user.password);
    await stack.idp.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: user.email }),
    );
    await expectAwsError(
      stack.idp.send(new GetUserCommand({ AccessToken: third.AccessToken })),
      'NotAuthorizedException',
      'Access Token has been revoked',
    );
  });

  it('says an access token has expired once it has', async () => {
    const tokens = await tokensFor(USER.email, USER.password);
    await stack.clock.during(3601 * 1000, () =>
      expectAwsError(
        stack.idp.send(new GetUserCommand({ AccessToken: tokens.AccessToken })),
        'NotAuthorizedException',
        'Access Token has expired',
      ),
    );
    await expectAwsError(
      stack.idp.send(new GetUserCommand({ AccessToken: 'garbage' })),
      'NotAuthorizedException',
      'Invalid Access Token',
    );
  });
});

describe('invited users and NEW_PASSWORD_REQUIRED', () => {
  it('AdminCreateUser mails a temporary password; signing in with it requires a new one', async () => {
    const { email, username, temporaryPassword, created } = await invite();
    expect(created.User).toMatchObject({ UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(username).toMatch(/^[0-9a-f-]{36}$/);
    expect(stack.outbox.list(email)[0]).toMatchObject({ kind: 'temporary-password', to: email });
    expect(stack.outbox.list(email)[0]!.body).toContain(temporaryPassword);

    const challenge = await passwordSignIn(email, temporaryPassword);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.Session).toBeTruthy();
    expect(JSON.parse(challenge.ChallengeParameters!.userAttributes!)).toMatchObject({ email });

    const respond = (password: string) =>
      stack.idp.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: username, NEW_PASSWORD: password },
        }),
      );
    await expectAwsError(
      respond('short'),
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
    );
    await expectAwsError(
      respond('alllowercase1!'),
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have uppercase characters',
    );
    const done = await respond('Brand-New-Passw0rd!');
    expect(done.AuthenticationResult?.IdToken).toBeTruthy();
    await expectAwsError(respond('Another-Passw0rd!'), 'NotAuthorizedException', /session/);

    const fetched = await stack.idp.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: email }),
    );
    expect(fetched.UserStatus).toBe('CONFIRMED');
    await expect(tokensFor(email, 'Brand-New-Passw0rd!')).resolves.toBeTruthy();
  });

  it('refuses a duplicate e-mail, a weak temporary password and a temporary password past 7 days', async () => {
    await expectAwsError(
      stack.idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: USER.email })),
      'UsernameExistsException',
      'An account with the given email already exists.',
    );
    await expectAwsError(
      stack.idp.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'weak@example.com',
          TemporaryPassword: 'weakpass',
        }),
      ),
      'InvalidPasswordException',
    );
    await expectAwsError(
      stack.idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'not-an-email' })),
      'InvalidParameterException',
    );
    const { email, temporaryPassword } = await invite();
    await stack.clock.during(8 * DAY_MS, () =>
      expectAwsError(
        passwordSignIn(email, temporaryPassword),
        'NotAuthorizedException',
        'Temporary password has expired and must be reset by an administrator.',
      ),
    );
  });

  it('AdminSetUserPassword sets a permanent password, or a temporary one that must be changed', async () => {
    const { email } = await invite();
    await stack.idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: email,
        Password: 'Temp-Again-1!',
        Permanent: false,
      }),
    );
    expect((await passwordSignIn(email, 'Temp-Again-1!')).ChallengeName).toBe(
      'NEW_PASSWORD_REQUIRED',
    );
    await stack.idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: email,
        Password: 'Perm-Passw0rd!',
        Permanent: true,
      }),
    );
    await expect(tokensFor(email, 'Perm-Passw0rd!')).resolves.toBeTruthy();
  });
});

describe('self-service', () => {
  it("GetUser reads the caller's readable attributes; UpdateUserAttributes writes only writable ones", async () => {
    const user = await inviteConfirmed();
    const { AccessToken } = await tokensFor(user.email, user.password);
    const me = await stack.idp.send(new GetUserCommand({ AccessToken }));
    expect(me.Username).toBe(user.username);
    expect(me.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
    const update = (Name: string, Value: string) =>
      stack.idp.send(
        new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name, Value }] }),
      );
    await expectAwsError(
      update('email_verified', 'true'),
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    );
    await expectAwsError(
      update('name', 'Ada Lovelace'),
      'NotAuthorizedException',
      'A client attempted to write unauthorized attribute',
    );
    await expectAwsError(
      update('custom:plan', 'pro'),
      'InvalidParameterException',
      'Invalid user attributes: user.custom:plan: Attribute does not exist in the schema.\n',
    );
    await expectAwsError(update('sub', 'mine'), 'InvalidParameterException');
  });

  it('ChangePassword needs the current password and a conforming new one', async () => {
    const user = await inviteConfirmed();
    const { AccessToken } = await tokensFor(user.email, user.password);
    const change = (PreviousPassword: string, ProposedPassword: string) =>
      stack.idp.send(
        new ChangePasswordCommand({ AccessToken, PreviousPassword, ProposedPassword }),
      );
    await expectAwsError(
      change('Wrong-Passw0rd!', 'Next-Passw0rd!'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectAwsError(
      change(user.password, 'NoDigits-here!'),
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have numeric characters',
    );
    await expectAwsError(
      change(user.password, 'NoSymbols1here'),
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have symbol characters',
    );
    await change(user.password, 'Next-Passw0rd!');
    await expectAwsError(passwordSignIn(user.email, user.password), 'NotAuthorizedException');
    await expect(tokensFor(user.email, 'Next-Passw0rd!')).resolves.toBeTruthy();
  });

  it('ForgotPassword mails a code; ConfirmForgotPassword checks it and its expiry', async () => {
    const user = await inviteConfirmed();
    const sent = await stack.idp.send(
      new ForgotPasswordCommand({ ClientId: clientId, Username: user.email }),
    );
    expect(sent.CodeDeliveryDetails).toEqual({
      Destination: 'i***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const code = stack.outbox.list(user.email)[0]!;
    expect(code.kind).toBe('reset-code');
    expect(code.secret).toMatch(/^\d{6}$/);
    const confirm = (ConfirmationCode: string, Password = 'Reset-Passw0rd!') =>
      stack.idp.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: user.email,
          ConfirmationCode,
          Password,
        }),
      );
    const wrong = code.secret === '000000' ? '111111' : '000000';
    await expectAwsError(
      confirm(wrong),
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
    await expectAwsError(confirm(code.secret, 'weak'), 'InvalidPasswordException');
    await stack.clock.during(2 * 3600 * 1000, () =>
      expectAwsError(
        confirm(code.secret),
        'ExpiredCodeException',
        'Invalid code provided, please request a code again.',
      ),
    );
    await confirm(code.secret);
    await expect(tokensFor(user.email, 'Reset-Passw0rd!')).resolves.toBeTruthy();
  });

  it('ForgotPassword for an unknown user does not reveal that the user does not exist', async () => {
    const sent = await stack.idp.send(
      new ForgotPasswordCommand({ ClientId: clientId, Username: 'ghost@example.com' }),
    );
    expect(sent.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
    expect(stack.outbox.list('ghost@example.com')).toEqual([]);
  });
});

describe('admin operations', () => {
  it('AdminGetUser finds users by e-mail or username and says when one does not exist', async () => {
    const { email, username } = await invite();
    const byEmail = await stack.idp.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: email }),
    );
    const byName = await stack.idp.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: username }),
    );
    expect(byEmail.Username).toBe(username);
    expect(byName.UserAttributes).toEqual(byEmail.UserAttributes);
    await expectAwsError(
      stack.idp.send(
        new AdminGetUserCommand({ UserPoolId: poolId, Username: 'nobody@example.com' }),
      ),
      'UserNotFoundException',
      'User does not exist.',
    );
    await expectAwsError(
      stack.idp.send(
        new AdminGetUserCommand({ UserPoolId: 'ap-northeast-1_nope', Username: email }),
      ),
      'ResourceNotFoundException',
      'User pool ap-northeast-1_nope does not exist.',
    );
  });

  it('AdminDeleteUser removes the user and their sessions', async () => {
    const user = await inviteConfirmed();
    const tokens = await tokensFor(user.email, user.password);
    await stack.idp.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: user.email }));
    await expectAwsError(
      stack.idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: user.email })),
      'UserNotFoundException',
    );
    await expectAwsError(refreshWith(tokens.RefreshToken), 'NotAuthorizedException');
  });

  it('AdminResetUserPassword forces a reset that a mailed code completes', async () => {
    const user = await inviteConfirmed();
    await stack.idp.send(
      new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: user.email }),
    );
    await expectAwsError(
      passwordSignIn(user.email, user.password),
      'PasswordResetRequiredException',
      'Password reset required for the user',
    );
    const code = stack.outbox.list(user.email)[0]!;
    expect(code.kind).toBe('reset-code');
    await stack.idp.send(
      new ConfirmForgotPasswordCommand({
        ClientId: clientId,
        Username: user.email,
        ConfirmationCode: code.secret,
        Password: 'After-Reset-1!',
      }),
    );
    await expect(tokensFor(user.email, 'After-Reset-1!')).resolves.toBeTruthy();
    const pending = await invite();
    await expectAwsError(
      stack.idp.send(
        new AdminResetUserPasswordCommand({ UserPoolId: poolId, Username: pending.email }),
      ),
      'NotAuthorizedException',
      'User password cannot be reset in the current state.',
    );
  });

  it('AdminUpdateUserAttributes writes attributes an admin may change', async () => {
    const { email } = await invite();
    await stack.idp.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: poolId,
        Username: email,
        UserAttributes: [{ Name: 'name', Value: 'Grace' }],
      }),
    );
    const fetched = await stack.idp.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: email }),
    );
    expect(fetched.UserAttributes).toContainEqual({ Name: 'name', Value: 'Grace' });
  });

  it('group membership changes the groups and roles in the next tokens', async () => {
    const user = await inviteConfirmed();
    const groupsOf = async () =>
      (
        await stack.idp.send(
          new AdminListGroupsForUserCommand({ UserPoolId: poolId, Username: user.email }),
        )
      ).Groups!.map((g) => g.GroupName);
    expect(await groupsOf()).toEqual([]);
    await stack.idp.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: poolId,
        Username: user.email,
        GroupName: 'general',
      }),
    );
    await stack.idp.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: poolId,
        Username: user.email,
        GroupName: 'admin',
      }),
    );
    expect(await groupsOf()).toEqual(['admin', 'general']);
    const tokens = await tokensFor(user.email, user.password);
    const claims = () =>
      JSON.parse(Buffer.from(tokens.IdToken.split('.')[1]!, 'base64url').toString());
    expect(claims()['cognito:preferred_role']).toBe(roleArn('000000000000', 'admin'));

    await stack.idp.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: poolId,
        Username: user.email,
        GroupName: 'admin',
      }),
    );
    const refreshed = await refreshWith(tokens.RefreshToken);
    const after = JSON.parse(
      Buffer.from(refreshed.AuthenticationResult!.IdToken!.split('.')[1]!, 'base64url').toString(),
    );
    expect(after['cognito:groups']).toEqual(['general']);
    expect(after['cognito:preferred_role']).toBe(roleArn('000000000000', 'general'));
    await expectAwsError(
      stack.idp.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: poolId,
          Username: user.email,
          GroupName: 'root',
        }),
      ),
      'ResourceNotFoundException',
      'Group not found.',
    );
  });

  it("ListGroups, GetGroup and ListUsersInGroup describe the contract's groups", async () => {
    const groups = await stack.idp.send(new ListGroupsCommand({ UserPoolId: poolId }));
    // Every group of the contract, by name as ListGroups orders them.
    expect(groups.Groups!.map((g) => [g.GroupName, g.Precedence, g.RoleArn])).toEqual(
      [...GROUP_NAMES]
        .sort()
        .map((name) => [name, GROUPS[name].precedence, roleArn('000000000000', name)]),
    );
    const admin = await stack.idp.send(
      new GetGroupCommand({ UserPoolId: poolId, GroupName: 'admin' }),
    );
    expect(admin.Group?.Description).toBe(GROUPS.admin.description);
    const members = await stack.idp.send(
      new ListUsersInGroupCommand({ UserPoolId: poolId, GroupName: 'admin' }),
    );
    expect(
      members.Users!.map((u) => u.Attributes!.find((a) => a.Name === 'email')?.Value),
    ).toContain(ADMIN.email);
  });
});

describe('ListUsers', () => {
  const emailsOf = (users: Array<{ Attributes?: Array<{ Name?: string; Value?: string }> }> = []) =>
    users.map((u) => u.Attributes?.find((a) => a.Name === 'email')?.Value);

  it('pages with Limit and PaginationToken through every user exactly once', async () => {
    for (let i = 0; i < 5; i++) await invite();
    const all = await stack.idp.send(new ListUsersCommand({ UserPoolId: poolId }));
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await stack.idp.send(
        new ListUsersCommand({ UserPoolId: poolId, Limit: 2, PaginationToken: token }),
      );
      expect(page.Users!.length).toBeLessThanOrEqual(2);
      seen.push(...page.Users!.map((u) => u.Username!));
      token = page.PaginationToken;
    } while (token);
    expect(seen).toHaveLength(all.Users!.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('filters by e-mail prefix, exact e-mail, sub, status and user status', async () => {
    const disabled = await inviteConfirmed();
    await stack.idp.send(
      new AdminDisableUserCommand({ UserPoolId: poolId, Username: disabled.email }),
    );
    const list = async (Filter: string) =>
      (await stack.idp.send(new ListUsersCommand({ UserPoolId: poolId, Filter }))).Users;

    expect(emailsOf(await list('email ^= "ADMIN@"'))).toEqual([ADMIN.email]);
    expect(emailsOf(await list('"email" ^= "admin@"'))).toEqual([ADMIN.email]);
    expect(emailsOf(await list(`email = "${USER.email}"`))).toEqual([USER.email]);
    expect(emailsOf(await list(`sub = "${disabled.username}"`))).toEqual([disabled.email]);
    expect(emailsOf(await list('status = "Disabled"'))).toEqual([disabled.email]);
    const pending = await list('cognito:user_status = "force_change_password"');
    expect(pending!.every((u) => u.UserStatus === 'FORCE_CHANGE_PASSWORD')).toBe(true);
    expect(pending!.length).toBeGreaterThan(0);
  });

  it('refuses a malformed filter and a limit above 60', async () => {
    await expectAwsError(
      stack.idp.send(new ListUsersCommand({ UserPoolId: poolId, Filter: 'email starts "a"' })),
      'InvalidParameterException',
      'Error while parsing filter.',
    );
    await expectAwsError(
      stack.idp.send(new ListUsersCommand({ UserPoolId: poolId, Limit: 61 })),
      'InvalidParameterException',
      /Member must have value less than or equal to 60/,
    );
  });
});

describe('wire protocol errors', () => {
  const raw = (target: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.edgeUrl}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target, ...headers },
      body,
    });

  it('refuses an unsigned admin call like Cognito, with no stack trace', async () => {
    const response = await raw(
      'AWSCognitoIdentityProviderService.ListUsers',
      JSON.stringify({ UserPoolId: poolId }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('answers malformed JSON, unknown targets and missing members with AWS error types', async () => {
    const malformed = await raw('AWSCognitoIdentityProviderService.InitiateAuth', '{not json');
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).__type).toBe('SerializationException');

    const unknown = await raw('AWSCognitoIdentityProviderService.DoSomethingElse', '{}');
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException:');

    const missing = await raw(
      'AWSCognitoIdentityProviderService.InitiateAuth',
      JSON.stringify({ AuthFlow: 'USER_SRP_AUTH' }),
    );
    expect(await missing.json()).toEqual({
      __type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('names an unknown app client', async () => {
    await expectAwsError(
      stack.idp.send(
        new InitiateAuthCommand({
          ClientId: 'nope',
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: { USERNAME: 'a', SRP_A: 'abc' },
        }),
      ),
      'ResourceNotFoundException',
      'User pool client nope does not exist.',
    );
  });
});
