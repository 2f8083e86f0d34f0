import { afterEach, describe, expect, it } from 'vitest';
import { SPA_CLIENT_SETTINGS, USER_POOL_SETTINGS } from '@contract';
import { expectAwsError } from '../testing/aws-assertions';
import { openInProcessUserPool, type InProcessUserPool } from '../testing/in-process-user-pool';
import { srpSignIn } from '../testing/srp-client';
import { VERIFICATION_CODE_LIFETIME_MS } from './email-verification';
import { WRONG_CODE_LIMIT_MS, WRONG_CODES_ALLOWED } from './wrong-code-limit';

/**
 * E-mail changes under the deployed pool's keepOriginal (AttributesRequireVerificationBeforeUpdate
 * = email): the old address stays, verified, until the code sent to the new one comes back.
 */

const OLD = 'ada@example.com';
const NEW = 'ada.lovelace@example.com';
const PASSWORD = 'Right-Passw0rd!';
const MISMATCH = 'Invalid verification code provided, please try again.';

let local: InProcessUserPool;
let clock: number;
afterEach(() => local?.dispose());

const list = (attributes: Record<string, string>) =>
  Object.entries(attributes).map(([Name, Value]) => ({ Name, Value }));
const asRecord = (attributes: Array<{ Name: string; Value: string }>) =>
  Object.fromEntries(attributes.map((a) => [a.Name, a.Value]));
const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

const signIn = (username: string) =>
  srpSignIn(local.transport, {
    userPoolId: local.pool.id,
    clientId: local.pool.clientId,
    username,
    password: PASSWORD,
  });

/** A confirmed user with a verified address, signed in. */
async function signedIn(options: Parameters<typeof openInProcessUserPool>[0] = {}) {
  clock = Date.now();
  local = await openInProcessUserPool({ now: () => clock, ...options });
  local.pool.ensureSeedUser(OLD, PASSWORD, []);
  const tokens = (await signIn(OLD)).AuthenticationResult!;
  const refreshed = async () =>
    (
      await local.call('GetTokensFromRefreshToken', {
        ClientId: local.pool.clientId,
        RefreshToken: tokens.RefreshToken,
      })
    ).AuthenticationResult as { AccessToken: string; IdToken: string };
  return { AccessToken: tokens.AccessToken!, refreshed };
}

const changeEmail = (AccessToken: string, email = NEW) =>
  local.call('UpdateUserAttributes', { AccessToken, UserAttributes: list({ email }) });
const verify = (AccessToken: string, Code: string, AttributeName = 'email') =>
  local.call('VerifyUserAttribute', { AccessToken, AttributeName, Code });
const resend = (AccessToken: string, AttributeName = 'email') =>
  local.call('GetUserAttributeVerificationCode', { AccessToken, AttributeName });
const ownAttributes = async (AccessToken: string) =>
  asRecord((await local.call('GetUser', { AccessToken })).UserAttributes);
const adminAttributes = async (Username = OLD) =>
  asRecord(
    (await local.call('AdminGetUser', { UserPoolId: local.pool.id, Username })).UserAttributes,
  );
const adminUpdate = (attributes: Record<string, string>) =>
  local.call('AdminUpdateUserAttributes', {
    UserPoolId: local.pool.id,
    Username: OLD,
    UserAttributes: list(attributes),
  });
const codeSentTo = (email: string) => {
  const message = local.outbox.list(email)[0];
  expect(message?.kind).toBe('verification-code');
  return message!.secret;
};
const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

describe('a new e-mail address waits for its code', () => {
  it('keeps the old address, verified, in GetUser, AdminGetUser and tokens until then', async () => {
    const { AccessToken, refreshed } = await signedIn();
    const answer = await changeEmail(AccessToken);
    expect(answer.CodeDeliveryDetailsList).toEqual([
      { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    ]);
    const code = codeSentTo(NEW);

    const unchanged = { email: OLD, email_verified: 'true' };
    expect(await ownAttributes(AccessToken)).toMatchObject(unchanged);
    expect(await adminAttributes()).toMatchObject(unchanged);
    expect(claimsOf((await refreshed()).IdToken)).toMatchObject({
      email: OLD,
      email_verified: true,
    });
    // Nothing but the code's message shows the pending address.
    expect(
      JSON.stringify(
        await local.call('AdminGetUser', { UserPoolId: local.pool.id, Username: OLD }),
      ),
    ).not.toContain(NEW);

    await verify(AccessToken, code);
    const changed = { email: NEW, email_verified: 'true' };
    expect(await ownAttributes(AccessToken)).toMatchObject(changed);
    expect(claimsOf((await refreshed()).IdToken)).toMatchObject({
      email: NEW,
      email_verified: true,
    });
  });

  it('signs in by the old address until then, and by the new one only after', async () => {
    const { AccessToken } = await signedIn();
    await changeEmail(AccessToken);
    await expectAwsError(signIn(NEW), 'NotAuthorizedException', 'Incorrect username or password.');
    expect((await signIn(OLD)).AuthenticationResult?.IdToken).toBeTruthy();

    await verify(AccessToken, codeSentTo(NEW));
    expect((await signIn(NEW)).AuthenticationResult?.IdToken).toBeTruthy();
    await expectAwsError(signIn(OLD), 'NotAuthorizedException', 'Incorrect username or password.');
  });

  it('is nobody’s address meanwhile: it can be given to someone else, and then stays theirs', async () => {
    const { AccessToken } = await signedIn();
    await changeEmail(AccessToken);
    const code = codeSentTo(NEW);
    expect(local.pool.findUser(NEW)).toBeUndefined();
    const invited = await local.call('AdminCreateUser', {
      UserPoolId: local.pool.id,
      Username: NEW,
      UserAttributes: list({ email: NEW, email_verified: 'true' }),
    });
    await expectAwsError(
      verify(AccessToken, code),
      'AliasExistsException',
      'An account with the given email already exists.',
    );
    expect(await ownAttributes(AccessToken)).toMatchObject({ email: OLD });
    expect(await adminAttributes(NEW)).toMatchObject({ sub: invited.User.Username });
  });

  it('refuses at once an address another user has', async () => {
    const { AccessToken } = await signedIn();
    local.pool.ensureSeedUser(NEW, PASSWORD, []);
    await expectAwsError(
      changeEmail(AccessToken),
      'AliasExistsException',
      'An account with the given email already exists.',
    );
    expect(local.outbox.list(NEW)).toEqual([]);
  });

  it('GetUserAttributeVerificationCode sends a new code to the pending address, which replaces the old code', async () => {
    const { AccessToken } = await signedIn();
    await changeEmail(AccessToken);
    const first = codeSentTo(NEW);
    const answer = await resend(AccessToken);
    expect(answer.CodeDeliveryDetails).toEqual({
      Destination: 'a***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const second = codeSentTo(NEW);
    expect(local.outbox.list(NEW)).toHaveLength(2);
    expect(local.outbox.list(OLD)).toEqual([]);
    if (first !== second) await expectAwsError(verify(AccessToken, first), 'CodeMismatchException');
    await verify(AccessToken, second);
    expect(await ownAttributes(AccessToken)).toMatchObject({ email: NEW });
  });

  it('a later change replaces the pending address', async () => {
    const { AccessToken } = await signedIn();
    await changeEmail(AccessToken);
    await changeEmail(AccessToken, 'ada.king@example.com');
    await verify(AccessToken, codeSentTo('ada.king@example.com'));
    expect(await ownAttributes(AccessToken)).toMatchObject({ email: 'ada.king@example.com' });
  });
});

describe('VerifyUserAttribute refuses', () => {
  it('a wrong code, changing nothing', async () => {
    const { AccessToken } = await signedIn();
    await changeEmail(AccessToken);
    await expectAwsError(
      verify(AccessToken, wrong(codeSentTo(NEW))),
      'CodeMismatchException',
      MISMATCH,
    );
    expect(await ownAttributes(AccessToken)).toMatchObject({ email: OLD });
  });

  it('a code when none was sent', async () => {
    const { AccessToken } = await signedIn();
    await expectAwsError(verify(AccessToken, '123456'), 'CodeMismatchException', MISMATCH);
  });

  it('a code older than 24 hours', async () => {
    const { AccessToken, refreshed } = await signedIn();
    await changeEmail(AccessToken);
    const code = codeSentTo(NEW);
    clock += VERIFICATION_CODE_LIFETIME_MS;
    await expectAwsError(
      verify((await refreshed()).AccessToken, code),
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
    );
  });

  it('every code, the right one too, after too many wrong ones, for a while', async () => {
    const { AccessToken } = await signedIn();
    await changeEmail(AccessToken);
    const code = codeSentTo(NEW);
    for (let i = 0; i < WRONG_CODES_ALLOWED; i++) {
      await expectAwsError(verify(AccessToken, wrong(code)), 'CodeMismatchException');
    }
    const limited = [
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
    ] as const;
    await expectAwsError(verify(AccessToken, code), ...limited);
    // A new code brings no new guesses.
    await resend(AccessToken);
    await expectAwsError(verify(AccessToken, codeSentTo(NEW)), ...limited);
    clock += WRONG_CODE_LIMIT_MS;
    await verify(AccessToken, codeSentTo(NEW));
    expect(await ownAttributes(AccessToken)).toMatchObject({ email: NEW });
  });

  it('attributes other than e-mail, as GetUserAttributeVerificationCode does', async () => {
    const { AccessToken } = await signedIn();
    const invalid = 'Invalid attribute name. Only phone_number and email can be verified.';
    await expectAwsError(
      verify(AccessToken, '123456', 'name'),
      'InvalidParameterException',
      invalid,
    );
    await expectAwsError(resend(AccessToken, 'name'), 'InvalidParameterException', invalid);
  });
});

describe('AdminUpdateUserAttributes', () => {
  it('leaves a new e-mail waiting for the user’s code too', async () => {
    const { AccessToken } = await signedIn();
    await adminUpdate({ email: NEW });
    expect(await adminAttributes()).toMatchObject({ email: OLD, email_verified: 'true' });
    await verify(AccessToken, codeSentTo(NEW));
    expect(await adminAttributes(NEW)).toMatchObject({ email: NEW, email_verified: 'true' });
  });

  it('applies it at once, sending nothing, with email_verified=true', async () => {
    await signedIn();
    await adminUpdate({ email: NEW, email_verified: 'true' });
    expect(await adminAttributes(NEW)).toMatchObject({ email: NEW, email_verified: 'true' });
    expect(local.outbox.list(NEW)).toEqual([]);
  });
});

describe('definitions the local pool refuses rather than enforce loosely', () => {
  it('keepOriginal for an attribute that is not auto-verified, as Cognito refuses it', async () => {
    await expect(
      openInProcessUserPool({
        definition: {
          pool: { ...USER_POOL_SETTINGS, autoVerifiedAttributes: [] },
          client: SPA_CLIENT_SETTINGS,
        },
      }),
    ).rejects.toThrow(
      'All attributes in AttributesRequireVerificationBeforeUpdate must exist in AutoVerifiedAttributes',
    );
  });

  it('an app client with OAuth, which the local pool has no endpoints for', async () => {
    await expect(
      openInProcessUserPool({
        definition: {
          pool: USER_POOL_SETTINGS,
          client: { ...SPA_CLIENT_SETTINGS, oAuthEnabled: true },
        },
      }),
    ).rejects.toThrow(/no OAuth endpoints/);
  });
});
