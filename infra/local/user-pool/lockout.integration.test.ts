import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { signIn, signOut } from 'aws-amplify/auth';
import { configureAmplify } from '../../../src/config/configure-amplify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAwsError } from '../testing/aws-assertions';
import { srpSignIn } from '../testing/srp-client';
import { startTestStack, type TestStack } from '../testing/test-stack';

/*
 * Repeated wrong passwords are throttled as Cognito does: after five failures the user is
 * locked out for 1 s, doubling with each further failure; while locked out every attempt, the
 * right password included, is refused with NotAuthorizedException "Password attempts exceeded".
 * Driven over the unmodified SDK with the test SRP client and with aws-amplify, both
 * USER_SRP_AUTH, the one sign-in flow the deployed app client allows; USER_PASSWORD_AUTH is
 * refused before any password is checked. The stack's clock is frozen and moved by hand, so no
 * test waits or depends on timing.
 */

const PASSWORD = 'Right-Passw0rd!';
const WRONG = 'Wrong-Passw0rd!';
const INCORRECT = 'Incorrect username or password.';
const EXCEEDED = 'Password attempts exceeded';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  // The SPA's own Amplify settings, so this is the browser's sign-in.
  configureAmplify(stack.runtimeConfig);
});
afterAll(() => stack.stop());
beforeEach(() => stack.clock.freeze());
afterEach(() => stack.clock.thaw());

let users = 0;
/** A confirmed user of its own for each test, so lockouts never leak between tests. */
async function newUser(): Promise<string> {
  const email = `lockout${++users}@example.com`;
  await stack.idp.send(
    new AdminCreateUserCommand({
      UserPoolId: stack.userPool.id,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
  await stack.idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: stack.userPool.id,
      Username: email,
      Password: PASSWORD,
      Permanent: true,
    }),
  );
  return email;
}

const passwordSignIn = (email: string, password: string) =>
  srpSignIn(stack.idp, {
    userPoolId: stack.userPool.id,
    clientId: stack.userPool.clientId,
    username: email,
    password,
  });
const userPasswordAuth = (email: string, password: string) =>
  stack.idp.send(
    new InitiateAuthCommand({
      ClientId: stack.userPool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    }),
  );
const refused = (email: string, password: string, message: string) =>
  expectAwsError(passwordSignIn(email, password), 'NotAuthorizedException', message);
async function signsIn(email: string) {
  const result = await passwordSignIn(email, PASSWORD);
  expect(result.AuthenticationResult?.IdToken).toBeTruthy();
}
async function failFiveTimes(email: string) {
  for (let i = 0; i < 5; i++) await refused(email, WRONG, INCORRECT);
}

describe('USER_PASSWORD_AUTH, which the app client does not allow', () => {
  it('is refused with the right password and the wrong one, and counts toward no lockout', async () => {
    const email = await newUser();
    for (const password of [PASSWORD, WRONG, WRONG, WRONG, WRONG, WRONG, WRONG]) {
      await expectAwsError(
        userPasswordAuth(email, password),
        'InvalidParameterException',
        'USER_PASSWORD_AUTH flow not enabled for this client',
      );
    }
    await signsIn(email);
  });
});

describe('SRP sign-in with the SDK', () => {
  it('locks the user out after five wrong passwords, refusing the right one too, for 1 s', async () => {
    const email = await newUser();
    await failFiveTimes(email);
    await refused(email, PASSWORD, EXCEEDED);
    stack.clock.advance(999);
    await refused(email, PASSWORD, EXCEEDED);
    stack.clock.advance(1);
    await signsIn(email);
  });

  it('doubles the lockout with each failure after it, and attempts during one do not extend it', async () => {
    const email = await newUser();
    await failFiveTimes(email);
    stack.clock.advance(1000);
    await refused(email, WRONG, INCORRECT); // the sixth failure: 2 s
    for (let i = 0; i < 3; i++) await refused(email, WRONG, EXCEEDED);
    stack.clock.advance(1999);
    await refused(email, PASSWORD, EXCEEDED);
    stack.clock.advance(1);
    await refused(email, WRONG, INCORRECT); // the seventh: 4 s
    stack.clock.advance(3999);
    await refused(email, PASSWORD, EXCEEDED);
    stack.clock.advance(1);
    await signsIn(email);
  });

  it('starts counting again after a successful sign-in', async () => {
    const email = await newUser();
    for (let i = 0; i < 4; i++) await refused(email, WRONG, INCORRECT);
    await signsIn(email);
    for (let i = 0; i < 4; i++) await refused(email, WRONG, INCORRECT);
    await signsIn(email);
  });

  it('forgets the failures after 15 minutes without an attempt', async () => {
    const email = await newUser();
    await failFiveTimes(email);
    stack.clock.advance(15 * 60_000);
    // Counted from one again: another failure does not lock the user out.
    await refused(email, WRONG, INCORRECT);
    await signsIn(email);
  });

  it('locks out only that user, whichever alias was used', async () => {
    const [locked, other] = [await newUser(), await newUser()];
    const username = stack.userPool.findUser(locked)!.username;
    for (let i = 0; i < 3; i++) await refused(locked, WRONG, INCORRECT);
    for (let i = 0; i < 2; i++) await refused(username, WRONG, INCORRECT);
    await refused(locked.toUpperCase(), PASSWORD, EXCEEDED);
    await signsIn(other);
  });

  it('answers an unknown user the same way, so a lockout reveals nothing', async () => {
    for (let i = 0; i < 5; i++) await refused('nobody@example.com', WRONG, INCORRECT);
    await refused('nobody@example.com', WRONG, EXCEEDED);
  });
});

describe("aws-amplify's SRP sign-in (USER_SRP_AUTH + PASSWORD_VERIFIER)", () => {
  const amplifySignIn = (username: string, password: string) =>
    signIn({ username, password }).then(
      async (result) => {
        await signOut();
        return result.isSignedIn ? 'signed in' : result.nextStep.signInStep;
      },
      (error: Error) => `${error.name}: ${error.message}`,
    );

  it('counts wrong password proofs and refuses the right one during the lockout', async () => {
    const email = await newUser();
    for (let i = 0; i < 5; i++) {
      expect(await amplifySignIn(email, WRONG)).toBe(`NotAuthorizedException: ${INCORRECT}`);
    }
    expect(await amplifySignIn(email, PASSWORD)).toBe(`NotAuthorizedException: ${EXCEEDED}`);
    stack.clock.advance(1000);
    expect(await amplifySignIn(email, PASSWORD)).toBe('signed in');
  });

  it('shares one count with every other SRP client of the same user', async () => {
    const email = await newUser();
    for (let i = 0; i < 3; i++) await refused(email, WRONG, INCORRECT);
    for (let i = 0; i < 2; i++) {
      expect(await amplifySignIn(email, WRONG)).toBe(`NotAuthorizedException: ${INCORRECT}`);
    }
    await refused(email, PASSWORD, EXCEEDED);
  });
});
