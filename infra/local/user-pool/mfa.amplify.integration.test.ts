import { randomUUID } from 'node:crypto';
import {
  confirmSignIn,
  fetchMFAPreference,
  setUpTOTP,
  signIn,
  signOut,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPA_CLIENT_SETTINGS, USER_POOL_SETTINGS } from '@contract';
import { configureAmplify } from '../../../src/config/configure-amplify';
import { createConfirmedUser } from '../testing/confirmed-user';
import { startTestStack, type TestStack } from '../testing/test-stack';
import { nextTotpCode } from '../testing/totp';
import { totpCodeForStep, totpStep } from './totp';

/*
 * Unmodified aws-amplify v6 in Node, configured as the SPA configures it, sets up an
 * authenticator app and signs in with it against the local pool: the SPA's own MFA path.
 */

/** A general user: Amplify fetches the identity pool's credentials, which need a group. */
async function newUser(stack: TestStack) {
  const email = `amplify-mfa-${randomUUID()}@example.com`;
  const password = `Pw-${randomUUID()}-Aa1!`;
  await createConfirmedUser(stack, { email, password, groups: ['general'] });
  return { email, password };
}

describe('the deployed pool (MFA OPTIONAL)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    configureAmplify(stack.runtimeConfig);
  });
  afterAll(async () => {
    await signOut().catch(() => undefined);
    await stack.stop();
  });

  it('sets up TOTP (setUpTOTP, verifyTOTPSetup, updateMFAPreference) and signs in with it', async () => {
    const user = await newUser(stack);
    const first = await signIn({ username: user.email, password: user.password });
    expect(first.nextStep.signInStep).toBe('DONE');

    const setup = await setUpTOTP();
    const secret = setup.sharedSecret;
    expect(setup.getSetupUri('console').href).toContain(`secret=${secret}`);
    await expect(
      verifyTOTPSetup({ code: totpCodeForStep(secret, totpStep(Date.now()) + 100) }),
    ).rejects.toMatchObject({ name: 'EnableSoftwareTokenMFAException' });
    await verifyTOTPSetup({ code: await nextTotpCode(secret) });
    await updateMFAPreference({ totp: 'PREFERRED' });
    expect(await fetchMFAPreference()).toMatchObject({ enabled: ['TOTP'], preferred: 'TOTP' });
    await signOut();

    const again = await signIn({ username: user.email, password: user.password });
    expect(again.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    await expect(
      confirmSignIn({ challengeResponse: totpCodeForStep(secret, totpStep(Date.now()) + 100) }),
    ).rejects.toMatchObject({
      name: 'CodeMismatchException',
      message: 'Invalid code received for user',
    });
    const done = await confirmSignIn({ challengeResponse: await nextTotpCode(secret) });
    expect(done).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    await signOut();
  });
});

describe('a pool with MFA ON', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(
      undefined,
      {},
      {
        userPoolDefinition: {
          pool: { ...USER_POOL_SETTINGS, mfa: 'ON' },
          client: SPA_CLIENT_SETTINGS,
        },
      },
    );
    configureAmplify(stack.runtimeConfig);
  });
  afterAll(async () => {
    await signOut().catch(() => undefined);
    await stack.stop();
  });

  it('sets up TOTP during sign-in (CONTINUE_SIGN_IN_WITH_TOTP_SETUP)', async () => {
    const user = await newUser(stack);
    const first = await signIn({ username: user.email, password: user.password });
    expect(first.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
    if (first.nextStep.signInStep !== 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP') return;
    const secret = first.nextStep.totpSetupDetails.sharedSecret;
    const done = await confirmSignIn({ challengeResponse: await nextTotpCode(secret) });
    expect(done).toMatchObject({ isSignedIn: true });
    await signOut();

    const again = await signIn({ username: user.email, password: user.password });
    expect(again.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
    expect(await confirmSignIn({ challengeResponse: await nextTotpCode(secret) })).toMatchObject({
      isSignedIn: true,
    });
    await signOut();
  });
});
