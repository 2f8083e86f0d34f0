import { randomUUID } from 'node:crypto';
import {
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { GroupName } from '@contract';
import { callerFromTokens, type SignedInCaller } from './callers';
import { createConfirmedUser } from './confirmed-user';
import { srpSignIn } from './srp-client';
import type { TestStack } from './test-stack';
import { nextTotpCode } from './totp';

export interface MfaAdmin {
  email: string;
  password: string;
  /** The authenticator app's secret: sign in again with `signIn(stack, admin)`. */
  totpSecret: string;
  /** Signed in with the password alone, before TOTP was turned on. */
  caller: SignedInCaller;
}

/**
 * A new confirmed user in `groups` (the admin group unless given) with an authenticator app
 * set up and turned on, as the console's Profile page does it: sign in, AssociateSoftwareToken,
 * VerifySoftwareToken, SetUserMFAPreference, all with unmodified SDK clients.
 */
export async function createMfaAdmin(
  stack: TestStack,
  {
    email = `admin-${randomUUID()}@example.com`,
    groups = ['admin'],
  }: {
    email?: string;
    groups?: readonly GroupName[];
  } = {},
): Promise<MfaAdmin> {
  const password = `Mfa-${randomUUID()}-Aa1!`;
  await createConfirmedUser(stack, { email, password, groups });

  const signedIn = await srpSignIn(stack.idp, {
    userPoolId: stack.userPool.id,
    clientId: stack.userPool.clientId,
    username: email,
    password,
  });
  const tokens = signedIn.AuthenticationResult!;
  const totpSecret = await turnOnAuthenticator(stack, tokens.AccessToken!);
  return { email, password, totpSecret, caller: await callerFromTokens(stack, email, tokens) };
}

/**
 * Sets up and turns on an authenticator app for the user signed in with `AccessToken`, as the
 * Profile page does; answers the app's secret.
 */
export async function turnOnAuthenticator(stack: TestStack, AccessToken: string): Promise<string> {
  const { SecretCode } = await stack.idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
  const totpSecret = SecretCode!;
  await stack.idp.send(
    new VerifySoftwareTokenCommand({
      AccessToken,
      UserCode: await nextTotpCode(totpSecret, stack.clock.now),
    }),
  );
  await stack.idp.send(
    new SetUserMFAPreferenceCommand({
      AccessToken,
      SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
    }),
  );
  return totpSecret;
}
