// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import {
  confirmSignIn,
  fetchAuthSession,
  fetchMFAPreference,
  getCurrentUser,
  setUpTOTP,
  signIn,
  signOut,
  updateMFAPreference,
  verifyTOTPSetup,
  type SignInOutput,
} from 'aws-amplify/auth';
import { Navigate, Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GROUPS } from '@contract/groups';
import { ADMIN_SCREENS } from '../../../app/admin-screens';
import { RequireSession } from '../../../auth/RequireSession';
import { SECURITY_PATH, type SecurityLocationState } from '../../../auth/security-path';
import { SessionProvider } from '../../../auth/SessionProvider';
import { SignInPage } from '../../../auth/SignInPage';
import { renderScreen } from '../../../testing/render-screen';
import SecurityPage from './SecurityPage';

vi.mock('aws-amplify/auth', () =>
  import('../../../testing/amplify-auth-mock').then((mock) => mock.amplifyAuthMock()),
);

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ME = 'ada@example.com';
const TURNED_ON_NOTICE =
  'Your authenticator app is on, and every session opened without it has ended, this one too. Sign in again with your password and a code from the app.';

/** A session restored from Amplify's storage, signed in with a password alone. */
function restoredSession(groups: string[]) {
  vi.mocked(getCurrentUser).mockResolvedValue({
    username: 'ada',
    userId: 'sub',
    signInDetails: { loginId: ME },
  });
  vi.mocked(fetchAuthSession).mockResolvedValue({
    tokens: { idToken: { payload: { email: ME, 'cognito:groups': groups }, toString: () => 'id' } },
  } as unknown as Awaited<ReturnType<typeof fetchAuthSession>>);
  let enabled = false;
  vi.mocked(fetchMFAPreference).mockImplementation(async () =>
    enabled ? { enabled: ['TOTP'], preferred: 'TOTP' } : {},
  );
  vi.mocked(updateMFAPreference).mockImplementation(async ({ totp } = {}) => {
    enabled = totp === 'PREFERRED';
  });
}

/** The console's routes around Security, an administrator having been sent there from Users. */
async function renderConsole() {
  const sentFrom: SecurityLocationState = { from: ADMIN_SCREENS.users };
  return renderScreen(
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route path="/sent" element={<Navigate to={SECURITY_PATH} state={sentFrom} />} />
        <Route path={SECURITY_PATH} element={<SecurityPage />} />
        <Route path={ADMIN_SCREENS.users} element={<h1>Users</h1>} />
      </Route>
    </Routes>,
    { at: '/sent', sessionProvider: SessionProvider },
  );
}

/** Set up → the code → Verify, on Profile → Security. */
async function turnOnTheApp(user: Awaited<ReturnType<typeof renderConsole>>['user']) {
  // Restoring an administrator's session imports `has-totp` on demand: slow on a busy run.
  const setUp = await screen.findByRole(
    'button',
    { name: 'Set up authenticator app' },
    { timeout: 5_000 },
  );
  await user.click(setUp);
  await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
  await user.click(screen.getByRole('button', { name: 'Verify' }));
}

beforeEach(() => {
  vi.mocked(setUpTOTP).mockResolvedValue({
    sharedSecret: SECRET,
    getSetupUri: (app: string, account?: string) =>
      new URL(`otpauth://totp/${app}:${account}?secret=${SECRET}&issuer=${app}`),
  });
  vi.mocked(verifyTOTPSetup).mockResolvedValue();
  vi.mocked(signOut).mockResolvedValue();
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Turning the authenticator app on', () => {
  it('signs an administrator out everywhere, to sign in again with a code and go on', async () => {
    restoredSession([GROUPS.admin.name]);
    const { user } = await renderConsole();
    await turnOnTheApp(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(signOut).toHaveBeenCalledExactlyOnceWith({ global: true });
    expect(screen.getByText(TURNED_ON_NOTICE).closest('[role=status]')).toBeTruthy();
    const email = screen.getByRole<HTMLInputElement>('textbox', { name: 'Email' });
    expect(email.value).toBe(ME);

    // The next sign-in asks for the code, then goes where the administrator was going.
    vi.mocked(signIn).mockResolvedValue({
      isSignedIn: false,
      nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' },
    } as SignInOutput);
    vi.mocked(confirmSignIn).mockResolvedValue({
      isSignedIn: true,
      nextStep: { signInStep: 'DONE' },
    } as SignInOutput);
    await user.type(screen.getByLabelText('Password'), 'Passw0rd!');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '654321');
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeTruthy();
    expect(signIn).toHaveBeenCalledWith({ username: ME, password: 'Passw0rd!' });
  });

  it('signs support staff (helpdesk) out everywhere too: their role calls the admin API', async () => {
    restoredSession([GROUPS.helpdesk.name]);
    const { user } = await renderConsole();
    await turnOnTheApp(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(signOut).toHaveBeenCalledExactlyOnceWith({ global: true });
  });

  it('leaves a general user signed in', async () => {
    restoredSession([GROUPS.general.name]);
    const { user } = await renderConsole();
    await turnOnTheApp(user);

    await waitFor(() =>
      expect(
        screen.getByText('Your authenticator app is on. Each sign-in now asks for its code.'),
      ).toBeTruthy(),
    );
    await waitFor(() => expect(screen.getByText('On')).toBeTruthy());
    expect(screen.getByRole('heading', { level: 1, name: 'Security' })).toBeTruthy();
    expect(signOut).not.toHaveBeenCalled();
  });
});
