import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAwsError } from '../testing/aws-assertions';
import { SEEDED_USER } from '../testing/callers';
import { srpSignIn } from '../testing/srp-client';
import { startTestStack, type TestStack } from '../testing/test-stack';

/**
 * Issue 15's second attack, through the unmodified SDK against the local stack: a user renames
 * themself to an address they do not own (a new hire's, before the invitation). With the
 * deployed pool's keepOriginal, the address stays theirs until the code sent to the new one
 * comes back, so the rename takes nothing from anyone.
 */

const NEW_HIRE = 'new.hire@example.com';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const asRecord = (attributes: AttributeType[] | undefined) =>
  Object.fromEntries((attributes ?? []).map((a) => [a.Name, a.Value]));

async function accessTokenOf(email: string, password: string): Promise<string> {
  const result = await srpSignIn(stack.idp, {
    userPoolId: stack.userPool.id,
    clientId: stack.userPool.clientId,
    username: email,
    password,
  });
  return result.AuthenticationResult!.AccessToken!;
}

const changeEmailTo = (AccessToken: string, email: string) =>
  stack.idp.send(
    new UpdateUserAttributesCommand({
      AccessToken,
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
const verifyEmail = (AccessToken: string, Code: string) =>
  stack.idp.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code }));
const adminAttributesOf = async (Username: string) =>
  asRecord(
    (await stack.idp.send(new AdminGetUserCommand({ UserPoolId: stack.userPool.id, Username })))
      .UserAttributes,
  );
const ownAttributes = async (AccessToken: string) =>
  asRecord((await stack.idp.send(new GetUserCommand({ AccessToken }))).UserAttributes);
const latestCodeTo = (email: string) => {
  const message = stack.outbox.list(email).find((m) => m.kind === 'verification-code');
  expect(message, `a verification code to ${email}`).toBeDefined();
  return message!.secret;
};

describe('changing one’s own e-mail address', () => {
  it('to a new hire’s address leaves it unchanged, and the admin can still invite the new hire', async () => {
    const token = await accessTokenOf(SEEDED_USER.email, SEEDED_USER.password);

    const answer = await changeEmailTo(token, NEW_HIRE);
    // The code goes to the new address, which the user does not read.
    expect(answer.CodeDeliveryDetailsList).toEqual([
      { Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    ]);
    const code = latestCodeTo(NEW_HIRE);

    expect(await adminAttributesOf(SEEDED_USER.email)).toMatchObject({
      email: SEEDED_USER.email,
      email_verified: 'true',
    });
    expect(await ownAttributes(token)).toMatchObject({ email: SEEDED_USER.email });
    await expectAwsError(
      srpSignIn(stack.idp, {
        userPoolId: stack.userPool.id,
        clientId: stack.userPool.clientId,
        username: NEW_HIRE,
        password: SEEDED_USER.password,
      }),
      'NotAuthorizedException',
    );

    const invited = await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: stack.userPool.id,
        Username: NEW_HIRE,
        UserAttributes: [
          { Name: 'email', Value: NEW_HIRE },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    expect(invited.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');

    // Even with the code, the address is the new hire's now.
    await expectAwsError(
      verifyEmail(token, code),
      'AliasExistsException',
      'An account with the given email already exists.',
    );
    expect(await adminAttributesOf(SEEDED_USER.email)).toMatchObject({ email: SEEDED_USER.email });
    expect(await adminAttributesOf(NEW_HIRE)).toMatchObject({ sub: invited.User?.Username });
  });

  it('to an address of one’s own switches once the code sent there comes back', async () => {
    const email = 'mover@example.com';
    const password = 'Mover-Passw0rd!';
    await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: stack.userPool.id,
        Username: email,
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await stack.idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: stack.userPool.id,
        Username: email,
        Password: password,
        Permanent: true,
      }),
    );
    const token = await accessTokenOf(email, password);

    await changeEmailTo(token, 'moved@example.com');
    await expectAwsError(
      verifyEmail(token, latestCodeTo('moved@example.com') === '000000' ? '111111' : '000000'),
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
    );
    const resent = await stack.idp.send(
      new GetUserAttributeVerificationCodeCommand({ AccessToken: token, AttributeName: 'email' }),
    );
    expect(resent.CodeDeliveryDetails?.Destination).toBe('m***@e***');
    expect(await ownAttributes(token)).toMatchObject({ email });

    await verifyEmail(token, latestCodeTo('moved@example.com'));
    expect(await ownAttributes(token)).toMatchObject({
      email: 'moved@example.com',
      email_verified: 'true',
    });
    await expect(accessTokenOf('moved@example.com', password)).resolves.toBeTruthy();
  });
});
