// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import {
  fetchMFAPreference,
  setUpTOTP,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GROUPS } from '@contract/groups';
import { ADMIN_SCREENS } from '../../../app/admin-screens';
import { SECURITY_PATH } from '../../../auth/security-path';
import { renderScreen, type ScreenOptions } from '../../../testing/render-screen';
import SecurityPage from './SecurityPage';

vi.mock('aws-amplify/auth', () => ({
  fetchMFAPreference: vi.fn(),
  setUpTOTP: vi.fn(),
  verifyTOTPSetup: vi.fn(),
  updateMFAPreference: vi.fn(),
}));

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ME = 'ada@example.com';

/** An error as Amplify rethrows Cognito's: its `name` is Cognito's error type. */
const cognitoError = (name: string, message = name) => Object.assign(new Error(message), { name });

/** The user pool's record of the app, changed by Amplify's calls as Cognito changes it. */
function pool(on: boolean) {
  let enabled = on;
  vi.mocked(fetchMFAPreference).mockImplementation(async () =>
    enabled ? { enabled: ['TOTP'], preferred: 'TOTP' } : {},
  );
  vi.mocked(updateMFAPreference).mockImplementation(async ({ totp } = {}) => {
    enabled = totp === 'PREFERRED' || totp === 'ENABLED';
  });
}

async function renderSecurity(options: ScreenOptions = {}) {
  const rendered = await renderScreen(
    <Routes>
      <Route path={SECURITY_PATH} element={<SecurityPage />} />
      <Route path={ADMIN_SCREENS.users} element={<h1>Users</h1>} />
    </Routes>,
    { at: SECURITY_PATH, ...options, session: { email: ME, ...options.session } },
  );
  await screen.findByText(/^(On|Off)$/);
  return rendered;
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
const status = () => screen.getByText(/^(On|Off)$/).textContent;
const flash = async (text: string) =>
  waitFor(() => expect(screen.getByText(text).closest('[role=status],[role=alert]')).toBeTruthy());
const dialog = () => within(screen.getByRole('dialog'));
const heading = (name: string) => screen.getByRole('heading', { level: 2, name });
const focusIsOn = async (name: string) =>
  waitFor(() => expect(document.activeElement).toBe(heading(name)));

beforeEach(() => {
  vi.mocked(setUpTOTP).mockResolvedValue({
    sharedSecret: SECRET,
    getSetupUri: (app: string, account?: string) =>
      new URL(`otpauth://totp/${app}:${account}?secret=${SECRET}&issuer=${app}`),
  });
  vi.mocked(verifyTOTPSetup).mockResolvedValue();
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Profile → Security', () => {
  it('is a screen under Profile that says whether the authenticator app is on', async () => {
    pool(false);
    await renderSecurity();
    expect(screen.getByRole('heading', { level: 1, name: 'Security' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Authenticator app' })).toBeTruthy();
    expect(status()).toBe('Off');
    expect(document.title).toBe('Security · Cognito IAM console');
  });

  it('turns the app on: QR code, the secret as text, then a code', async () => {
    pool(false);
    const { user, session } = await renderSecurity();
    await user.click(button('Set up authenticator app'));

    expect(
      await screen.findByRole('img', { name: 'QR code for your authenticator app' }),
    ).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Setup key' }).value).toBe(SECRET);
    const link = screen.getByRole<HTMLInputElement>('textbox', { name: 'Setup link' }).value;
    expect(link).toMatch(/^otpauth:\/\/totp\/.*ada@example\.com\?secret=JBSWY3DP/);

    await user.type(screen.getByRole('textbox', { name: 'Authentication code' }), '123456');
    await user.click(button('Verify'));
    await flash('Your authenticator app is on. Each sign-in now asks for its code.');
    expect(verifyTOTPSetup).toHaveBeenCalledWith({ code: '123456' });
    expect(updateMFAPreference).toHaveBeenCalledWith({ totp: 'PREFERRED' });
    await waitFor(() => expect(status()).toBe('On'));
    expect(screen.queryByRole('textbox', { name: 'Setup key' })).toBeNull();
    expect(session.noteTotp).toHaveBeenLastCalledWith(true);
    // A general user's other sessions need no ending: the admin API is not theirs.
    expect(session.endSessionsWithoutTotp).not.toHaveBeenCalled();
  });

  it('takes focus into the setup panel as it opens, and back to the app’s heading as it closes', async () => {
    pool(false);
    const { user } = await renderSecurity();
    // "Set up" is disabled while the panel is open: focus must not stay on it.
    await user.click(button('Set up authenticator app'));
    await focusIsOn('Set up an authenticator app');
    await user.click(button('Cancel'));
    await focusIsOn('Authenticator app');

    await user.click(button('Set up authenticator app'));
    await focusIsOn('Set up an authenticator app');
    await user.type(screen.getByRole('textbox', { name: 'Authentication code' }), '123456');
    await user.click(button('Verify'));
    await flash('Your authenticator app is on. Each sign-in now asks for its code.');
    await focusIsOn('Authenticator app');
  });

  it('says beside the field when the code is wrong, and keeps the app off', async () => {
    pool(false);
    vi.mocked(verifyTOTPSetup).mockRejectedValue(
      cognitoError('EnableSoftwareTokenMFAException', 'Code mismatch'),
    );
    const { user } = await renderSecurity();
    await user.click(button('Set up authenticator app'));
    await user.type(await screen.findByRole('textbox', { name: 'Authentication code' }), '000000');
    await user.click(button('Verify'));
    expect(
      await screen.findByText(
        'The code is wrong or was already used. Enter the newest code your authenticator app shows.',
      ),
    ).toBeTruthy();
    expect(updateMFAPreference).not.toHaveBeenCalled();
    expect(status()).toBe('Off');
  });

  it('turns the app off only after asking', async () => {
    pool(true);
    const { user } = await renderSecurity();
    expect(status()).toBe('On');

    await user.click(button('Turn off authenticator app'));
    expect(dialog().getByText(/^Your sign-ins will ask for your password alone/)).toBeTruthy();
    await user.click(dialog().getByRole('button', { name: 'Cancel' }));
    expect(updateMFAPreference).not.toHaveBeenCalled();

    await user.click(button('Turn off authenticator app'));
    await user.click(dialog().getByRole('button', { name: 'Turn off' }));
    await flash('Your authenticator app is off. Sign-ins ask for your password alone.');
    expect(updateMFAPreference).toHaveBeenCalledWith({ totp: 'DISABLED' });
    await waitFor(() => expect(status()).toBe('Off'));
  });

  it('replaces the app by setting up a new one', async () => {
    pool(true);
    const { user } = await renderSecurity();
    await user.click(button('Replace authenticator app'));
    expect(await screen.findByRole('textbox', { name: 'Setup key' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: 'Authentication code' }), '123456');
    await user.click(button('Verify'));
    await flash('Your authenticator app is on. Each sign-in now asks for its code.');
    expect(setUpTOTP).toHaveBeenCalledTimes(1);
    expect(verifyTOTPSetup).toHaveBeenCalledWith({ code: '123456' });
  });

  it('does not let an administrator turn it off, and says why', async () => {
    pool(true);
    await renderSecurity({ session: { groups: [GROUPS.admin.name] } });
    const off = screen.getByRole<HTMLButtonElement>('button', {
      name: 'Turn off authenticator app',
      description:
        /^Your role may call the admin API, which refuses anyone in your groups without an authenticator app/,
    });
    expect(off.disabled || off.getAttribute('aria-disabled') === 'true').toBe(true);
    expect(button('Replace authenticator app').disabled).toBe(false);
  });

  it('tells an administrator sent here why', async () => {
    pool(false);
    await renderSecurity({ session: { groups: [GROUPS.admin.name] }, adminNeedsTotp: true });
    expect(
      screen
        .getByText(/^Set up an authenticator app to use admin features/)
        .closest('[role=status]'),
    ).toBeTruthy();
  });
});
