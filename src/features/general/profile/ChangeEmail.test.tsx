// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  confirmUserAttribute,
  fetchUserAttributes,
  sendUserAttributeVerificationCode,
  updateUserAttribute,
} from 'aws-amplify/auth';
import i18next from 'i18next';
import { useState } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionContext, type Session } from '../../../auth/session-context';
import { en } from '../../../i18n/en';
import { ja } from '../../../i18n/ja';
import { ChangeEmail } from './ChangeEmail';

vi.mock('aws-amplify/auth', () => ({
  fetchUserAttributes: vi.fn(),
  updateUserAttribute: vi.fn(),
  confirmUserAttribute: vi.fn(),
  sendUserAttributeVerificationCode: vi.fn(),
}));

const CURRENT = 'ada@example.com';
const NEW = 'ada.lovelace@example.com';

/** An error as Amplify rethrows Cognito's: its `name` is Cognito's error type. */
const cognitoError = (name: string, message = name) => Object.assign(new Error(message), { name });

const codeSent = {
  isUpdated: false,
  nextStep: {
    updateAttributeStep: 'CONFIRM_ATTRIBUTE_WITH_CODE' as const,
    codeDeliveryDetails: {
      attributeName: 'email' as const,
      deliveryMedium: 'EMAIL' as const,
      destination: 'a***@e***',
    },
  },
};

let refreshAccess: ReturnType<typeof vi.fn<() => Promise<void>>>;

/**
 * The component as the console mounts it: under the session and a query cache that, like
 * ApiProvider's, is replaced when the session is refreshed (a new session generation).
 */
async function renderChangeEmail(language: 'en' | 'ja' = 'en') {
  const i18n = i18next.createInstance();
  await i18n.use(initReactI18next).init({
    lng: language,
    resources: { en: { translation: en }, ja: { translation: ja } },
    interpolation: { escapeValue: false },
  });
  const newCache = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });
  let renewCache: () => void = () => {};
  refreshAccess = vi.fn(async () => act(() => renewCache()));
  const session = { refreshAccess } as unknown as Session;
  function Console() {
    const [cache, setCache] = useState(newCache);
    renewCache = () => setCache(newCache());
    return (
      <I18nextProvider i18n={i18n}>
        <SessionContext.Provider value={session}>
          <QueryClientProvider client={cache}>
            <ChangeEmail />
          </QueryClientProvider>
        </SessionContext.Provider>
      </I18nextProvider>
    );
  }
  render(<Console />);
  return userEvent.setup();
}

const addressField = () => screen.getByRole('textbox', { name: 'New email' });
const codeField = () => screen.getByRole('textbox', { name: 'Verification code' });
const button = (name: string) => screen.getByRole('button', { name });

beforeEach(() => {
  vi.mocked(fetchUserAttributes).mockResolvedValue({ email: CURRENT, email_verified: 'true' });
  vi.mocked(updateUserAttribute).mockResolvedValue(codeSent);
  vi.mocked(confirmUserAttribute).mockResolvedValue();
  vi.mocked(sendUserAttributeVerificationCode).mockResolvedValue({
    attributeName: 'email',
    deliveryMedium: 'EMAIL',
    destination: 'a***@e***',
  });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Change email', () => {
  it('shows the current address and whether it is verified', async () => {
    await renderChangeEmail();
    expect(await screen.findByText(`${CURRENT} (verified)`)).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Change email' })).toBeTruthy();
  });

  it.each([
    ['', 'Enter the new email.'],
    ['not-an-address', 'Enter an email such as name@example.com.'],
    [CURRENT, 'This is already your email.'],
  ])('checks the new address “%s” beside the field before asking Cognito', async (typed, why) => {
    const user = await renderChangeEmail();
    await screen.findByText(`${CURRENT} (verified)`);
    if (typed) await user.type(addressField(), typed);
    await user.click(button('Send code'));
    const field = await screen.findByRole('textbox', { name: 'New email', description: why });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(updateUserAttribute).not.toHaveBeenCalled();
  });

  it('sends a code to the new address, changes the email with it, and shows the verified address', async () => {
    const user = await renderChangeEmail();
    await screen.findByText(`${CURRENT} (verified)`);
    await user.type(addressField(), ` ${NEW} `);
    await user.click(button('Send code'));
    expect(updateUserAttribute).toHaveBeenCalledWith({
      userAttribute: { attributeKey: 'email', value: NEW },
    });
    expect((await screen.findByRole('status')).textContent).toBe(
      `We sent a verification code to ${NEW}. Enter it below to finish. Until then your email stays ${CURRENT}, and you sign in with it.`,
    );

    await user.type(codeField(), '12');
    await user.click(button('Change email'));
    expect(
      await screen.findByRole('textbox', {
        name: 'Verification code',
        description: 'The code is the 6 digits in the message.',
      }),
    ).toBeTruthy();
    expect(confirmUserAttribute).not.toHaveBeenCalled();

    vi.mocked(fetchUserAttributes).mockResolvedValue({ email: NEW, email_verified: 'true' });
    await user.clear(codeField());
    await user.type(codeField(), '123456');
    await user.click(button('Change email'));
    expect(confirmUserAttribute).toHaveBeenCalledWith({
      userAttributeKey: 'email',
      confirmationCode: '123456',
    });
    // The session is refreshed, so the ID token names the new address.
    expect(refreshAccess).toHaveBeenCalledOnce();
    expect(await screen.findByText(`${NEW} (verified)`)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      `Your email is now ${NEW}. Sign in with it from now on.`,
    );
    expect(addressField()).toBeTruthy();
  });

  it('sends the code again', async () => {
    const user = await renderChangeEmail();
    await screen.findByText(`${CURRENT} (verified)`);
    await user.type(addressField(), NEW);
    await user.click(button('Send code'));
    await user.click(await screen.findByRole('button', { name: 'Send the code again' }));
    expect(sendUserAttributeVerificationCode).toHaveBeenCalledWith({ userAttributeKey: 'email' });
    expect((await screen.findByRole('status')).textContent).toBe(`We sent a new code to ${NEW}.`);
  });

  it('words Cognito’s refusal of an address beside the field', async () => {
    vi.mocked(updateUserAttribute).mockRejectedValue(
      cognitoError('AliasExistsException', 'An account with the given email already exists.'),
    );
    const user = await renderChangeEmail();
    await screen.findByText(`${CURRENT} (verified)`);
    await user.type(addressField(), NEW);
    await user.click(button('Send code'));
    expect(
      await screen.findByRole('textbox', {
        name: 'New email',
        description: 'Another account already uses this email.',
      }),
    ).toBeTruthy();
  });

  it.each([
    [
      'CodeMismatchException',
      'The verification code is wrong. Check the latest message and try again.',
    ],
    ['ExpiredCodeException', 'The code has expired. Use “Send the code again” for a new one.'],
    ['LimitExceededException', 'Too many attempts. Wait a while before trying again.'],
  ])('words %s beside the code, and keeps the address unchanged', async (name, why) => {
    vi.mocked(confirmUserAttribute).mockRejectedValue(cognitoError(name));
    const user = await renderChangeEmail();
    await screen.findByText(`${CURRENT} (verified)`);
    await user.type(addressField(), NEW);
    await user.click(button('Send code'));
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), '123456');
    await user.click(button('Change email'));
    expect(
      await screen.findByRole('textbox', { name: 'Verification code', description: why }),
    ).toBeTruthy();
    expect(refreshAccess).not.toHaveBeenCalled();
    expect(screen.getByText(`${CURRENT} (verified)`)).toBeTruthy();
  });

  it('a new address after cancelling starts without the last refusal', async () => {
    vi.mocked(confirmUserAttribute).mockRejectedValueOnce(cognitoError('CodeMismatchException'));
    const user = await renderChangeEmail();
    await screen.findByText(`${CURRENT} (verified)`);
    await user.type(addressField(), NEW);
    await user.click(button('Send code'));
    await user.type(await screen.findByRole('textbox', { name: 'Verification code' }), '123456');
    await user.click(button('Change email'));
    await screen.findByRole('textbox', {
      name: 'Verification code',
      description: 'The verification code is wrong. Check the latest message and try again.',
    });
    await user.click(button('Cancel'));
    await user.type(addressField(), 'ada.king@example.com');
    await user.click(button('Send code'));
    const fresh = await screen.findByRole('textbox', { name: 'Verification code' });
    expect(fresh.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.queryByText(/The verification code is wrong/)).toBeNull();
  });

  it('speaks Japanese', async () => {
    vi.mocked(updateUserAttribute).mockRejectedValue(cognitoError('AliasExistsException'));
    const user = await renderChangeEmail('ja');
    await screen.findByText(`${CURRENT}（確認済み）`);
    expect(screen.getByRole('heading', { name: 'メールアドレスの変更' })).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: '新しいメールアドレス' }), NEW);
    await user.click(screen.getByRole('button', { name: 'コードを送信' }));
    expect(
      await screen.findByRole('textbox', {
        name: '新しいメールアドレス',
        description: 'このメールアドレスは別のアカウントで使われています。',
      }),
    ).toBeTruthy();
  });
});
