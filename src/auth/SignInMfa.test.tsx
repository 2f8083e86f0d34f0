// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  confirmSignIn,
  fetchAuthSession,
  fetchMFAPreference,
  getCurrentUser,
  signIn,
  signOut,
  type SignInOutput,
} from 'aws-amplify/auth';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GROUPS } from '@contract/groups';
import { RuntimeConfigContext } from '../config/runtime-config-context';
import { englishI18n, TEST_CONFIG } from '../testing/render-screen';
import { SECURITY_PATH } from './security-path';
import { SessionProvider } from './SessionProvider';
import { SignInPage } from './SignInPage';

vi.mock('aws-amplify/auth', () =>
  import('../testing/amplify-auth-mock').then((mock) => mock.amplifyAuthMock()),
);

/** An error as Amplify rethrows Cognito's: its `name` is Cognito's error type. */
const cognitoError = (name: string, message = name) => Object.assign(new Error(message), { name });

const EMAIL = 'ada@example.com';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const WANTED = '/admin/users';

const step = (nextStep: object) => ({ isSignedIn: false, nextStep }) as SignInOutput;
const done = { isSignedIn: true, nextStep: { signInStep: 'DONE' } } as SignInOutput;

/** Amplify's session once signed in, as a member of `groups`. */
function signedInAs(groups: string[]) {
  vi.mocked(fetchAuthSession).mockResolvedValue({
    tokens: {
      idToken: { payload: { email: EMAIL, 'cognito:groups': groups }, toString: () => 'id' },
    },
  } as unknown as Awaited<ReturnType<typeof fetchAuthSession>>);
}

/** Where the console went after sign-in, and what it was told to come back to. */
function Landed() {
  const location = useLocation();
  const { from } = (location.state ?? {}) as { from?: string };
  return <h1>{`landed at ${location.pathname}${from ? ` from ${from}` : ''}`}</h1>;
}

async function signInAs() {
  render(
    <I18nextProvider i18n={await englishI18n()}>
      <RuntimeConfigContext.Provider value={TEST_CONFIG}>
        <SessionProvider>
          <MemoryRouter initialEntries={[{ pathname: '/sign-in', state: { from: WANTED } }]}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="*" element={<Landed />} />
            </Routes>
          </MemoryRouter>
        </SessionProvider>
      </RuntimeConfigContext.Provider>
    </I18nextProvider>,
  );
  const user = userEvent.setup();
  await user.type(await screen.findByRole('textbox', { name: 'Email' }), EMAIL);
  await user.type(screen.getByLabelText('Password'), 'Passw0rd!');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

const codeField = () =>
  screen.getByRole<HTMLInputElement>('textbox', { name: 'Authentication code' });
const verify = () => screen.getByRole('button', { name: 'Verify' });

beforeEach(() => {
  vi.mocked(getCurrentUser).mockRejectedValue(cognitoError('UserUnAuthenticatedException'));
  signedInAs([GROUPS.general.name]);
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Signing in with an authenticator app', () => {
  beforeEach(() => {
    vi.mocked(signIn).mockResolvedValue(step({ signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }));
  });

  it('asks for the six-digit code, then goes where the person was going', async () => {
    vi.mocked(confirmSignIn).mockResolvedValue(done);
    const user = await signInAs();
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Enter your authentication code' }),
    ).toBeTruthy();
    expect(codeField().getAttribute('autocomplete')).toBe('one-time-code');
    // The Sign in button went with the form: the field it leads to takes focus.
    expect(document.activeElement).toBe(codeField());
    await user.type(codeField(), '123 456');
    expect(codeField().value).toBe('123456');
    await user.click(verify());
    expect(await screen.findByRole('heading', { name: `landed at ${WANTED}` })).toBeTruthy();
    expect(confirmSignIn).toHaveBeenCalledWith({ challengeResponse: '123456' });
  });

  it('says a wrong code is wrong, in words, and takes the next try', async () => {
    vi.mocked(confirmSignIn)
      .mockRejectedValueOnce(
        cognitoError('CodeMismatchException', 'Invalid code received for user'),
      )
      .mockResolvedValueOnce(done);
    const user = await signInAs();
    await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '000000');
    await user.click(verify());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The code is wrong or was already used. Enter the newest code your authenticator app shows.',
    );
    await user.clear(codeField());
    await user.type(codeField(), '123456');
    await user.click(verify());
    expect(await screen.findByRole('heading', { name: `landed at ${WANTED}` })).toBeTruthy();
  });

  it('says to start again when the sign-in session expired, and goes back to sign in', async () => {
    vi.mocked(confirmSignIn).mockRejectedValue(
      cognitoError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
    );
    const user = await signInAs();
    await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
    await user.click(verify());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The sign-in took too long and expired. Start again.',
    );
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
  });

  it('says when too many wrong codes locked the sign-in', async () => {
    vi.mocked(confirmSignIn).mockRejectedValue(
      cognitoError('NotAuthorizedException', 'Password attempts exceeded'),
    );
    const user = await signInAs();
    await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
    await user.click(verify());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many wrong codes. Wait a few minutes, then sign in again.',
    );
  });

  it('takes an administrator who gave a code straight to the admin screen', async () => {
    signedInAs([GROUPS.admin.name]);
    vi.mocked(confirmSignIn).mockResolvedValue(done);
    const user = await signInAs();
    await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '123456');
    await user.click(verify());
    expect(await screen.findByRole('heading', { name: `landed at ${WANTED}` })).toBeTruthy();
    // The code step showed the app is on: nothing more to ask the pool.
    expect(fetchMFAPreference).not.toHaveBeenCalled();
  });
});

describe('Setting up an authenticator app at sign-in', () => {
  beforeEach(() => {
    vi.mocked(signIn).mockResolvedValue(
      step({
        signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
        totpSetupDetails: {
          sharedSecret: SECRET,
          getSetupUri: (app: string, account: string) =>
            new URL(`otpauth://totp/${app}:${account}?secret=${SECRET}&issuer=${app}`),
        },
      }),
    );
  });

  it('shows the QR code and the secret as text, then confirms the first code', async () => {
    vi.mocked(confirmSignIn).mockResolvedValue(done);
    const user = await signInAs();
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: 'Set up an authenticator app',
    });
    // Read from the top: the QR code and the key come before the code.
    expect(document.activeElement).toBe(heading);
    const qr = await screen.findByRole<HTMLImageElement>('img', {
      name: 'QR code for your authenticator app',
    });
    expect(qr.src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Setup key' }).value).toBe(SECRET);
    const link = screen.getByRole<HTMLInputElement>('textbox', { name: 'Setup link' }).value;
    expect(link).toMatch(/^otpauth:\/\/totp\//);
    expect(link).toContain(`secret=${SECRET}`);
    expect(link).toContain(EMAIL);

    await user.type(codeField(), '654321');
    await user.click(verify());
    expect(await screen.findByRole('heading', { name: `landed at ${WANTED}` })).toBeTruthy();
    expect(confirmSignIn).toHaveBeenCalledWith({ challengeResponse: '654321' });
    expect(signOut).not.toHaveBeenCalled();
  });

  it('signs an administrator out everywhere once it is on, to sign in again with a code', async () => {
    signedInAs([GROUPS.admin.name]);
    vi.mocked(confirmSignIn).mockResolvedValue(done);
    const user = await signInAs();
    await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '654321');
    await user.click(verify());
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(signOut).toHaveBeenCalledExactlyOnceWith({ global: true });
    expect(
      screen
        .getByText(/^Your authenticator app is on, and every session opened without it has ended/)
        .closest('[role=status]'),
    ).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Email' }).value).toBe(EMAIL);
  });
});

describe('An administrator without an authenticator app', () => {
  it('is sent to set one up right after signing in, to come back where they were going', async () => {
    signedInAs([GROUPS.admin.name]);
    vi.mocked(signIn).mockResolvedValue(done);
    await signInAs();
    expect(
      await screen.findByRole('heading', { name: `landed at ${SECURITY_PATH} from ${WANTED}` }),
    ).toBeTruthy();
    // A password alone, with MFA optional, shows there is no app: the pool is not asked.
    expect(fetchMFAPreference).not.toHaveBeenCalled();
  });

  it('is asked about when the session is restored, and sent to set one up', async () => {
    signedInAs([GROUPS.admin.name]);
    vi.mocked(signIn).mockRejectedValue(cognitoError('UserAlreadyAuthenticatedException'));
    vi.mocked(fetchMFAPreference).mockResolvedValue({});
    await signInAs();
    await waitFor(() => expect(fetchMFAPreference).toHaveBeenCalledTimes(1));
    expect(
      await screen.findByRole('heading', { name: `landed at ${SECURITY_PATH} from ${WANTED}` }),
    ).toBeTruthy();
  });

  it('is not sent anywhere else once the pool says the app is on', async () => {
    signedInAs([GROUPS.admin.name]);
    vi.mocked(signIn).mockRejectedValue(cognitoError('UserAlreadyAuthenticatedException'));
    vi.mocked(fetchMFAPreference).mockResolvedValue({ enabled: ['TOTP'], preferred: 'TOTP' });
    await signInAs();
    expect(await screen.findByRole('heading', { name: `landed at ${WANTED}` })).toBeTruthy();
  });

  it('leaves a general user’s sign-in alone', async () => {
    vi.mocked(signIn).mockResolvedValue(done);
    await signInAs();
    expect(await screen.findByRole('heading', { name: `landed at ${WANTED}` })).toBeTruthy();
    expect(fetchMFAPreference).not.toHaveBeenCalled();
  });
});
