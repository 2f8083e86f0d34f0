// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '@contract/runtime-config';
import { RuntimeConfigContext } from '../config/runtime-config-context';
import { englishI18n, TEST_CONFIG } from '../testing/render-screen';
import { authProblem } from './auth-problem';
import ForgotPasswordPage from './ForgotPasswordPage';
import { SessionContext, type Session } from './session-context';
import { SignInPage } from './SignInPage';

/** An error as Amplify rethrows Cognito's: its `name` is Cognito's error type. */
const cognitoError = (name: string, message: string) => Object.assign(new Error(message), { name });

/** The sign-in screen of a signed-out console; `signIn` stands for the session's. */
async function renderSignIn(signIn: Session['signIn'], config: RuntimeConfig = TEST_CONFIG) {
  const session = { state: { status: 'signedOut' }, signIn } as unknown as Session;
  render(
    <I18nextProvider i18n={await englishI18n()}>
      <RuntimeConfigContext.Provider value={config}>
        <SessionContext.Provider value={session}>
          <MemoryRouter initialEntries={['/sign-in']}>
            <Routes>
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
            </Routes>
          </MemoryRouter>
        </SessionContext.Provider>
      </RuntimeConfigContext.Provider>
    </I18nextProvider>,
  );
  return userEvent.setup();
}

const email = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Email' });
// A password field has no role: it is found by its label.
const password = () => screen.getByLabelText<HTMLInputElement>('Password');
const submit = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' });

afterEach(cleanup);

describe('The sign-in form', () => {
  it.each([
    { what: 'an empty email', typed: ['', 'Passw0rd!'], invalid: 'email' },
    { what: 'an empty password', typed: ['ada@example.com', ''], invalid: 'password' },
    { what: 'an address that is not an email', typed: ['ada', 'Passw0rd!'], invalid: 'email' },
  ])('sends nothing to Cognito with $what, and marks that field', async ({ typed, invalid }) => {
    const signIn = vi.fn(async () => {});
    const user = await renderSignIn(signIn);
    const [typedEmail, typedPassword] = typed;
    if (typedEmail) await user.type(email(), typedEmail);
    if (typedPassword) await user.type(password(), typedPassword);
    await user.click(submit());
    expect(signIn).not.toHaveBeenCalled();
    const marked = [email(), password()].filter((field) => !field.validity.valid);
    expect(marked.map((field) => field.name)).toEqual([invalid]);
  });

  it('signs in with the email and password typed, once however often it is clicked', async () => {
    let finish = () => {};
    const signIn = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const user = await renderSignIn(signIn);
    await user.type(email(), 'ada@example.com');
    await user.type(password(), ' Passw0rd! ');
    await user.click(submit());
    expect(submit().disabled).toBe(true);
    await user.click(submit());
    expect(signIn).toHaveBeenCalledTimes(1);
    expect(signIn).toHaveBeenCalledWith('ada@example.com', ' Passw0rd! ');
    await act(async () => finish());
    expect(submit().disabled).toBe(false);
  });

  it('says why Cognito refused, in words, and clears it on the next try', async () => {
    const signIn = vi
      .fn<Session['signIn']>()
      .mockRejectedValueOnce(
        authProblem(cognitoError('NotAuthorizedException', 'Incorrect username or password.')),
      )
      .mockResolvedValueOnce();
    const user = await renderSignIn(signIn);
    await user.type(email(), 'ada@example.com');
    await user.type(password(), 'wrong');
    await user.click(submit());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The email or password is incorrect.',
    );
    expect(submit().disabled).toBe(false);

    await user.clear(password());
    await user.type(password(), 'Passw0rd!');
    await user.click(submit());
    expect(screen.queryByRole('alert')).toBeNull();
    expect(signIn).toHaveBeenLastCalledWith('ada@example.com', 'Passw0rd!');
  });

  it('takes the typed email along to “Forgot your password?”', async () => {
    const user = await renderSignIn(vi.fn());
    await user.type(email(), ' ada@example.com');
    await user.click(screen.getByRole('link', { name: 'Forgot your password?' }));
    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeTruthy();
    expect(email().value).toBe('ada@example.com');
  });
});

describe('An unreachable sign-in service', () => {
  const unreachable = () => Promise.reject(authProblem(new TypeError('Failed to fetch')));

  it('asks a user of a deployed console to check their connection, and nothing more', async () => {
    const user = await renderSignIn(unreachable);
    await user.type(email(), 'ada@example.com');
    await user.type(password(), 'Passw0rd!');
    await user.click(submit());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Check your connection');
    expect(alert.textContent).not.toContain('npm start');
  });

  it('reminds a developer on the local stack to check `npm start`', async () => {
    const local = { ...TEST_CONFIG, userPoolEndpoint: 'http://127.0.0.1:4566/' };
    const user = await renderSignIn(unreachable, local);
    await user.type(email(), 'ada@example.com');
    await user.type(password(), 'Passw0rd!');
    await user.click(submit());
    expect((await screen.findByRole('alert')).textContent).toContain('`npm start` is running');
  });
});

describe('The forgot-password screen', () => {
  it('sends someone already signed in to the change-password screen that exists', async () => {
    const session = { state: { status: 'signedIn' } } as unknown as Session;
    render(
      <I18nextProvider i18n={await englishI18n()}>
        <SessionContext.Provider value={session}>
          <MemoryRouter initialEntries={['/forgot-password']}>
            <Routes>
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/profile/password" element={<p>change password screen</p>} />
            </Routes>
          </MemoryRouter>
        </SessionContext.Provider>
      </I18nextProvider>,
    );
    expect(await screen.findByText('change password screen')).toBeTruthy();
  });
});
