import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { configureAmplify } from '../../../src/config/configure-amplify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleArn } from '@contract';
import { startTestStack, type TestStack } from '../testing/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
  // The SPA's own Amplify settings, so this is the browser's sign-in.
  configureAmplify(stack.runtimeConfig);
});
afterAll(async () => {
  await signOut().catch(() => undefined);
  await stack.stop();
});

describe("aws-amplify's default sign-in (USER_SRP_AUTH + PASSWORD_VERIFIER)", () => {
  it.each([
    {
      email: 'admin@example.com',
      password: 'Admin-Passw0rd!',
      preferred: 'admin',
      group: 'general',
    },
    {
      email: 'user@example.com',
      password: 'User-Passw0rd!',
      preferred: 'general',
      group: 'general',
    },
  ] as const)(
    'signs in $email: Cognito prefers the $preferred role, the console gets credentials for $group',
    async ({ email, password, preferred, group }) => {
      const result = await signIn({ username: email, password });
      expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
      const session = await fetchAuthSession();
      expect(session.tokens?.idToken?.payload['cognito:preferred_role']).toBe(
        roleArn('000000000000', preferred),
      );
      expect(session.identityId).toMatch(/^ap-northeast-1:/);
      expect(session.credentials?.accessKeyId).toMatch(/^ASIA/);
      expect(stack.credentials.find(session.credentials!.accessKeyId)?.roleArn).toBe(
        roleArn('000000000000', group),
      );
      await signOut();
    },
  );

  it('refuses a wrong password after the verifier check', async () => {
    await expect(
      signIn({ username: 'admin@example.com', password: 'Admin-Passw0rd?' }),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('takes an invited user through NEW_PASSWORD_REQUIRED', async () => {
    const email = 'srp-invitee@example.com';
    stack.userPool.adminCreateUser({
      username: email,
      attributes: { email, email_verified: 'true' },
    });
    const temporaryPassword = stack.outbox.list(email)[0]!.secret;
    const first = await signIn({ username: email, password: temporaryPassword });
    expect(first.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
    const done = await confirmSignIn({ challengeResponse: 'Chosen-Passw0rd!' });
    expect(done.isSignedIn).toBe(true);
    await signOut();
    await expect(signIn({ username: email, password: 'Chosen-Passw0rd!' })).resolves.toMatchObject({
      isSignedIn: true,
    });
    await signOut();
  });

  it('keeps only the salt and verifier: no password is stored', () => {
    const state = readFileSync(join(stack.settings.stateDir, 'user-pool.json'), 'utf8');
    for (const secret of ['Admin-Passw0rd!', 'User-Passw0rd!', 'Chosen-Passw0rd!']) {
      expect(state).not.toContain(secret);
    }
  });
});
