// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { updatePassword } from 'aws-amplify/auth';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderScreen } from '../testing/render-screen';
import { NotFoundPage } from '../ui/NotFoundPage';
import { CHANGE_PASSWORD_PATH } from './change-password-path';
import ChangePasswordPage from './ChangePasswordPage';
import ForgotPasswordPage from './ForgotPasswordPage';

vi.mock('aws-amplify/auth', () => ({
  updatePassword: vi.fn(),
  resetPassword: vi.fn(),
  confirmResetPassword: vi.fn(),
}));

/** An error as Amplify rethrows Cognito's: its `name` is Cognito's error type. */
const cognitoError = (name: string, message = name) => Object.assign(new Error(message), { name });

const field = (name: string) => screen.getByLabelText(name, { selector: 'input' });
const submit = () => screen.getByRole('button', { name: 'Change password' });

async function renderChangePassword() {
  const rendered = await renderScreen(<ChangePasswordPage />);
  const { user } = rendered;
  return {
    user,
    async fill(current: string, next: string, confirmation = next) {
      await user.type(field('Current password'), current);
      await user.type(field('New password'), next);
      await user.type(field('Confirm new password'), confirmation);
    },
  };
}

beforeEach(() => {
  vi.mocked(updatePassword).mockResolvedValue();
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Change password', () => {
  it('asks for the current password and the new one twice, for password managers too', async () => {
    await renderChangePassword();
    expect(screen.getByRole('heading', { level: 1, name: 'Change password' })).toBeTruthy();
    expect(field('Current password').getAttribute('autocomplete')).toBe('current-password');
    expect(field('New password').getAttribute('autocomplete')).toBe('new-password');
    expect(field('Confirm new password').getAttribute('type')).toBe('password');
  });

  it('changes it, says so in the flashbar and empties the form', async () => {
    const { user, fill } = await renderChangePassword();
    await fill('First-Passw0rd!', 'Second-Passw0rd!');
    await user.click(submit());
    expect(updatePassword).toHaveBeenCalledWith({
      oldPassword: 'First-Passw0rd!',
      newPassword: 'Second-Passw0rd!',
    });
    expect((await screen.findByRole('status')).textContent).toContain(
      'Your password has been changed.',
    );
    expect((field('New password') as HTMLInputElement).value).toBe('');
  });

  it('words a wrong current password beside the form, and keeps what was typed', async () => {
    vi.mocked(updatePassword).mockRejectedValue(
      cognitoError('NotAuthorizedException', 'Incorrect username or password.'),
    );
    const { user, fill } = await renderChangePassword();
    await fill('Not-My-Passw0rd!', 'Second-Passw0rd!');
    await user.click(submit());
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The current password is incorrect.',
    );
    expect((field('New password') as HTMLInputElement).value).toBe('Second-Passw0rd!');
  });

  it('says under the confirmation that the two new passwords differ, before asking Cognito', async () => {
    const { user, fill } = await renderChangePassword();
    await fill('First-Passw0rd!', 'Second-Passw0rd!', 'Secnod-Passw0rd!');
    await user.click(submit());
    // A password input has no role: what the field says under it is its description.
    const confirmation = field('Confirm new password');
    await waitFor(() => expect(confirmation.getAttribute('aria-invalid')).toBe('true'));
    const description = (confirmation.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    expect(description).toContain(
      'The two new passwords are different. Type the same password twice.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
    expect(updatePassword).not.toHaveBeenCalled();
  });
});

describe('A signed-in person who opens “Forgot your password?”', () => {
  it('lands on Change password, not on a page that does not exist', async () => {
    await renderScreen(
      <Routes>
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>,
      { at: '/forgot-password' },
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Change password' })).toBeTruthy();
    expect(screen.queryByText('There is no page at this address.')).toBeNull();
  });
});
