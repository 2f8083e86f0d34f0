// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_SCREENS, USER_SCREEN, userScreen } from '../../../app/admin-screens';
import { GROUPS, type UserDetail } from '@contract';
import type { FakeRoutes } from '../../../testing/fake-api';
import { renderScreen } from '../../../testing/render-screen';
import UserDetailPage from './UserDetailPage';
import UsersPage from './UsersPage';

const ADMIN = GROUPS.admin.name;
const GENERAL = GROUPS.general.name;
const ADA = 'ada@example.com';
const ME = 'admin@example.com';

/** One user as the admin API keeps them, changed by the routes of the user page. */
function userApi(changes: Partial<UserDetail> = {}) {
  const user: UserDetail = {
    username: 'u-ada',
    email: ADA,
    emailVerified: true,
    enabled: true,
    status: 'CONFIRMED',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    groups: [GENERAL],
    ...changes,
  };
  const answer = () => ({ ...user, groups: [...user.groups] });
  const change = (edit: Partial<UserDetail>) => {
    Object.assign(user, edit);
    return answer();
  };
  return {
    getUser: answer,
    listUsers: () => ({ users: [], nextCursor: null }),
    disableUser: () => change({ enabled: false }),
    enableUser: () => change({ enabled: true }),
    resetUserPassword: () => change({ status: 'RESET_REQUIRED' }),
    addUserToGroup: ({ params }) => change({ groups: [...user.groups, params.group] }),
    removeUserFromGroup: ({ params }) =>
      change({ groups: user.groups.filter((g) => g !== params.group) }),
    deleteUser: () => undefined,
  } satisfies FakeRoutes;
}

async function renderUserPage(routes: FakeRoutes, me = ME) {
  const rendered = await renderScreen(
    <Routes>
      <Route path={USER_SCREEN} element={<UserDetailPage />} />
      <Route path={ADMIN_SCREENS.users} element={<UsersPage />} />
    </Routes>,
    { routes, at: userScreen('u-ada'), session: { email: me } },
  );
  await screen.findByRole('heading', { level: 2, name: /@example\.com/ });
  return rendered;
}

/** The value shown for a term of the user's details. */
const detail = (term: string) =>
  screen.getAllByRole('term').find((t) => t.textContent === term)!.nextElementSibling!.textContent;
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
const callsTo = (calls: { route: string; input: unknown }[], route: string) =>
  calls.filter((c) => c.route === route).map((c) => c.input);

afterEach(cleanup);

describe('A user’s page', () => {
  it('asks before disabling, then shows the user disabled', async () => {
    const { user, calls } = await renderUserPage(userApi());
    expect(detail('Enabled')).toBe('Yes');

    await user.click(button('Disable user'));
    const question = screen.getByRole('group', { name: /^Disable ada@example\.com\?/ });
    await user.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(callsTo(calls, 'disableUser')).toEqual([]);

    await user.click(button('Disable user'));
    await user.click(
      within(screen.getByRole('group', { name: /^Disable/ })).getByRole('button', {
        name: 'Disable user',
      }),
    );
    expect((await screen.findByRole('status')).textContent).toBe(`${ADA} is disabled.`);
    expect(callsTo(calls, 'disableUser')).toEqual([{ params: { username: 'u-ada' } }]);
    expect(detail('Enabled')).toBe('No');
    expect(button('Enable user')).toBeTruthy();
  });

  it('resets the password after asking', async () => {
    const { user, calls } = await renderUserPage(userApi());
    await user.click(button('Reset password'));
    await user.click(
      within(screen.getByRole('group', { name: /^Reset the password of/ })).getByRole('button', {
        name: 'Reset password',
      }),
    );
    expect((await screen.findByRole('status')).textContent).toBe(
      `The password of ${ADA} is reset; they have been sent a code.`,
    );
    expect(callsTo(calls, 'resetUserPassword')).toEqual([{ params: { username: 'u-ada' } }]);
    expect(detail('Status')).toBe('Password reset required');
  });

  it('adds the user to a group and takes them out again', async () => {
    const { user, calls } = await renderUserPage(userApi());
    await user.click(button(`Add to ${ADMIN}`));
    expect((await screen.findByRole('status')).textContent).toBe(`${ADA} is now in ${ADMIN}.`);
    expect(detail('Groups')).toBe(`${GENERAL}, ${ADMIN}`);

    await user.click(button(`Remove from ${GENERAL}`));
    expect((await screen.findByRole('status')).textContent).toBe(
      `${ADA} is no longer in ${GENERAL}.`,
    );
    expect(detail('Groups')).toBe(ADMIN);
    expect(callsTo(calls, 'addUserToGroup')).toEqual([
      { params: { username: 'u-ada', group: ADMIN } },
    ]);
    expect(callsTo(calls, 'removeUserFromGroup')).toEqual([
      { params: { username: 'u-ada', group: GENERAL } },
    ]);
  });

  it('deletes only once the email is typed out, then goes back to the list saying so', async () => {
    const { user, calls } = await renderUserPage(userApi());
    const form = within(screen.getByRole('form', { name: 'Delete user' }));
    const submit = form.getByRole<HTMLButtonElement>('button', { name: 'Delete user' });
    expect(submit.disabled).toBe(true);
    await user.type(form.getByRole('textbox', { name: `Type ${ADA} to confirm` }), 'ada@');
    expect(submit.disabled).toBe(true);
    await user.type(form.getByRole('textbox', { name: `Type ${ADA} to confirm` }), 'EXAMPLE.com');
    await user.click(submit);

    expect(await screen.findByRole('heading', { name: 'Users' })).toBeTruthy();
    expect(screen.getByText(`${ADA} is deleted.`).getAttribute('role')).toBe('status');
    expect(callsTo(calls, 'deleteUser')).toEqual([{ params: { username: 'u-ada' } }]);
    // The deleted user is not read again.
    expect(callsTo(calls, 'getUser')).toHaveLength(1);
  });

  it('offers nothing that would lock you out or grant you a group on your own account', async () => {
    await renderUserPage(userApi({ email: ME, groups: [ADMIN] }), ME);
    expect(screen.getByText(/^This is your own account\./)).toBeTruthy();
    expect(
      screen.getByText(
        'You cannot disable, reset or delete your own account here: ask another administrator.',
      ),
    ).toBeTruthy();
    for (const name of ['Disable user', 'Reset password', 'Delete user']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    const why =
      'You cannot add yourself to a group or remove yourself from admin: ask another administrator.';
    for (const name of [`Remove from ${ADMIN}`, `Add to ${GENERAL}`]) {
      expect(
        screen.getByRole<HTMLButtonElement>('button', { name, description: why }).disabled,
      ).toBe(true);
    }
  });

  it('grants no group to an address its owner has not verified, but still takes one away', async () => {
    await renderUserPage(userApi({ emailVerified: false }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`${ADA} unverified`);
    const why =
      'This email address is not verified by its owner, so no group can be granted to it.';
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: `Add to ${ADMIN}`, description: why })
        .disabled,
    ).toBe(true);
    expect(button(`Remove from ${GENERAL}`).disabled).toBe(false);
    expect(button('Disable user').disabled).toBe(false);
  });
});
