import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '@contract/runtime-config';
import type * as AmplifyAuth from 'aws-amplify/auth';

const auth = vi.hoisted(() => ({ signIn: vi.fn(), confirmSignIn: vi.fn() }));
vi.mock('aws-amplify/auth', async (actual) => ({
  ...(await actual<typeof AmplifyAuth>()),
  signIn: auth.signIn,
  confirmSignIn: auth.confirmSignIn,
}));

const { loginWithCognito, SignInRefused } = await import('./login');

const CONFIG: RuntimeConfig = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_AbC123xyz',
  userPoolClientId: '4abc5def6ghi7jkl8mno9pqr0s',
  identityPoolId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
  adminApiUrl: 'http://127.0.0.1:4567',
  generalApiUrl: '/api',
} as RuntimeConfig;

const step = (signInStep: string) => ({
  isSignedIn: signInStep === 'DONE',
  nextStep: { signInStep },
});
const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name });

afterEach(() => vi.resetAllMocks());

describe('--login with an authenticator app', () => {
  it('asks for the code only when Cognito does, and answers the challenge with it', async () => {
    auth.signIn.mockResolvedValue(step('CONFIRM_SIGN_IN_WITH_TOTP_CODE'));
    auth.confirmSignIn.mockResolvedValue(step('DONE'));
    const totpCode = vi.fn().mockResolvedValue('123456');

    await loginWithCognito(CONFIG, 'admin@example.com', 'pw', totpCode);

    expect(totpCode).toHaveBeenCalledTimes(1);
    expect(auth.confirmSignIn).toHaveBeenCalledWith({ challengeResponse: '123456' });
  });

  it('does not ask a user without one', async () => {
    auth.signIn.mockResolvedValue(step('DONE'));
    const totpCode = vi.fn();

    await loginWithCognito(CONFIG, 'user@example.com', 'pw', totpCode);

    expect(totpCode).not.toHaveBeenCalled();
    expect(auth.confirmSignIn).not.toHaveBeenCalled();
  });

  it('refuses a wrong code with a sentence (exit 4)', async () => {
    auth.signIn.mockResolvedValue(step('CONFIRM_SIGN_IN_WITH_TOTP_CODE'));
    auth.confirmSignIn.mockRejectedValue(
      cognitoError('CodeMismatchException', 'Invalid code received for user'),
    );

    const login = loginWithCognito(CONFIG, 'admin@example.com', 'pw', async () => '000000');

    await expect(login).rejects.toBeInstanceOf(SignInRefused);
    await expect(login).rejects.toThrow(
      'Sign-in refused: the authenticator code is wrong or was already used. Wait for the next code and try again.',
    );
  });

  it('sends a user who must first set an app up to the console', async () => {
    auth.signIn.mockResolvedValue(step('CONTINUE_SIGN_IN_WITH_TOTP_SETUP'));

    await expect(
      loginWithCognito(CONFIG, 'admin@example.com', 'pw', async () => '123456'),
    ).rejects.toThrow(
      'Sign-in needs another step (CONTINUE_SIGN_IN_WITH_TOTP_SETUP); finish it in the console first.',
    );
  });

  it('throws on what is no refusal (an unreachable pool), so it exits 1', async () => {
    auth.signIn.mockRejectedValue(cognitoError('NetworkError', 'fetch failed'));

    await expect(
      loginWithCognito(CONFIG, 'admin@example.com', 'pw', async () => '123456'),
    ).rejects.not.toBeInstanceOf(SignInRefused);
  });
});
