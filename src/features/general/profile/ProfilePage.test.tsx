// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { fetchUserAttributes } from 'aws-amplify/auth';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/api-error';
import type { Profile } from '@contract';
import { renderScreen } from '../../../testing/render-screen';
import ProfilePage from './ProfilePage';

vi.mock('aws-amplify/auth', () => ({
  fetchUserAttributes: vi.fn(),
  updateUserAttribute: vi.fn(),
  confirmUserAttribute: vi.fn(),
  sendUserAttributeVerificationCode: vi.fn(),
}));

const ADA: Profile = {
  username: 'u-ada',
  email: 'ada@example.com',
  groups: ['general'],
  displayName: 'Ada',
  language: 'en',
  version: 3,
};

/** What the general API answers when another tab saved first: 409 with the newer profile. */
const lostRace = (current: Profile) =>
  new ApiError({
    status: 409,
    kind: 'Handler',
    message: 'The profile changed since version 3.',
    hint: 'Handler',
    requestId: null,
    body: { message: 'The profile changed since version 3.', current },
  });

/** The value of `term` in a description list inside `region`. */
function detail(region: HTMLElement, term: string) {
  const terms = within(region).getAllByRole('term');
  const index = terms.findIndex((element) => element.textContent === term);
  return within(region).getAllByRole('definition')[index]?.textContent;
}

async function renderProfile(save: (body: unknown) => Profile | Promise<Profile>) {
  const rendered = await renderScreen(<ProfilePage />, {
    routes: {
      getMyProfile: () => ADA,
      updateMyProfile: (input) => save(input.body),
    },
  });
  await screen.findByRole('textbox', { name: 'Display name' });
  return rendered;
}

beforeEach(() => {
  vi.mocked(fetchUserAttributes).mockResolvedValue({ email: ADA.email, email_verified: 'true' });
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe('Profile', () => {
  it('shows who the person is, with the ways to change their password and security', async () => {
    await renderProfile((body) => ({ ...ADA, ...(body as object) }));
    expect(screen.getByRole('heading', { level: 1, name: 'Profile' })).toBeTruthy();
    const profile = screen.getByRole('region', { name: 'Profile' });
    expect(detail(profile, 'Email')).toBe(ADA.email);
    expect(detail(profile, 'Groups')).toBe('general');
    expect(screen.getByRole('link', { name: 'Change password' }).getAttribute('href')).toBe(
      '/profile/password',
    );
    expect(screen.getByRole('link', { name: 'Security' }).getAttribute('href')).toBe(
      '/profile/security',
    );
    expect(screen.getByRole('button', { name: 'Refresh my access' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Change email' })).toBeTruthy();
  });

  it('saves the display name and says so in the flashbar', async () => {
    const save = vi.fn((body: unknown) => ({ ...ADA, ...(body as object), version: 4 }));
    const { user } = await renderProfile(save);
    const name = screen.getByRole('textbox', { name: 'Display name' });
    await user.clear(name);
    await user.type(name, 'Ada Lovelace');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('status')).textContent).toContain('Profile saved.');
    expect(save).toHaveBeenCalledWith({ displayName: 'Ada Lovelace', language: 'en', version: 3 });
  });

  it('says beside the form when another tab saved first, and shows what won', async () => {
    const newer = { ...ADA, displayName: 'Written in the other tab', version: 4 };
    const { user } = await renderProfile(() => {
      throw lostRace(newer);
    });
    await user.type(screen.getByRole('textbox', { name: 'Display name' }), ' here');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'changed in another tab or device',
    );
    expect((screen.getByRole('textbox', { name: 'Display name' }) as HTMLInputElement).value).toBe(
      'Written in the other tab',
    );
  });

  it('keeps a display name within its limit, beside the field', async () => {
    const save = vi.fn((body: unknown) => ({ ...ADA, ...(body as object) }));
    const { user } = await renderProfile(save);
    const name = screen.getByRole('textbox', { name: 'Display name' });
    await user.clear(name);
    await user.type(name, 'x'.repeat(61));
    expect(
      screen.getByRole('textbox', {
        name: 'Display name',
        description: /^Use at most 60 characters\./,
      }),
    ).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(save).not.toHaveBeenCalled();
  });
});
