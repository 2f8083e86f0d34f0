// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeApiError } from '../../../api/api-error';
import { ADMIN_SCREENS, USER_SCREEN, userScreen } from '../../../app/admin-screens';
import { GROUPS, type GroupName, type UserDetail } from '@contract';
import type { FakeRoutes } from '../../../testing/fake-api';
import { renderScreen } from '../../../testing/render-screen';
import UserDetailPage from './UserDetailPage';

const ADMIN = GROUPS.admin.name;
const GENERAL = GROUPS.general.name;
const HELPDESK = GROUPS.helpdesk.name;
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
    mfaEnabled: false,
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
    disableUser: () => change({ enabled: false }),
    enableUser: () => change({ enabled: true }),
    // As the API does: an invited user who never signed in gets the invitation again and
    // stays "must change password"; anyone else is sent a code and must reset.
    resetUserPassword: () =>
      user.status === 'FORCE_CHANGE_PASSWORD' ? answer() : change({ status: 'RESET_REQUIRED' }),
    resetUserMfa: () => change({ mfaEnabled: false }),
    addUserToGroup: ({ params }) => change({ groups: [...user.groups, params.group] }),
    removeUserFromGroup: ({ params }) =>
      change({ groups: user.groups.filter((g) => g !== params.group) }),
    deleteUser: () => undefined,
  } satisfies FakeRoutes;
}

async function renderUserPage(routes: FakeRoutes, me = ME, groups?: GroupName[]) {
  const rendered = await renderScreen(
    <Routes>
      <Route path={USER_SCREEN} element={<UserDetailPage />} />
      <Route path={ADMIN_SCREENS.users} element={<h1>Users</h1>} />
    </Routes>,
    { routes, at: userScreen('u-ada'), session: { email: me, ...(groups ? { groups } : {}) } },
  );
  await screen.findByRole('heading', { level: 1, name: /@example\.com/ });
  return rendered;
}

/** The value shown for a label of the user's details. */
const detail = (label: string) =>
  screen.getAllByRole('term').find((term) => term.textContent === label)!.nextElementSibling!
    .textContent;
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });
/** Disabled, or (with a reason shown on focus, as Cloudscape does it) aria-disabled. */
const isDisabled = (element: HTMLButtonElement) =>
  element.disabled || element.getAttribute('aria-disabled') === 'true';
const dialog = () => within(screen.getByRole('dialog'));
/** The flashbar's latest result. */
const flash = async (text: string) =>
  waitFor(() => expect(screen.getByText(text).closest('[role=status],[role=alert]')).toBeTruthy());
const callsTo = (calls: { route: string; input: unknown }[], route: string) =>
  calls.filter((c) => c.route === route).map((c) => c.input);
const groupsTable = () => within(screen.getByRole('table', { name: `Groups of ${ADA}` }));
const groupsShown = () =>
  groupsTable()
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

async function choose(person: Awaited<ReturnType<typeof renderUserPage>>['user'], item: string) {
  await person.click(button('Actions'));
  await person.click(screen.getByRole('menuitem', { name: item }));
}

afterEach(cleanup);

describe('A user’s page', () => {
  it('shows the user’s details, and the trail back to Users', async () => {
    await renderUserPage(userApi());
    expect(detail('Email')).toBe(`${ADA}Verified`);
    expect(detail('Status')).toBe('Confirmed');
    expect(detail('Enabled')).toBe('Enabled');
    expect(detail('Username')).toBe('u-ada');
    expect(detail('MFA')).toBe('None');
    expect(document.title).toBe(`${ADA} · Cognito IAM console`);
  });

  it('asks before disabling, then shows the user disabled', async () => {
    const { user, calls } = await renderUserPage(userApi());

    await choose(user, 'Disable user');
    expect(dialog().getByText(/^Disable ada@example\.com\?/)).toBeTruthy();
    await user.click(dialog().getByRole('button', { name: 'Cancel' }));
    expect(callsTo(calls, 'disableUser')).toEqual([]);

    await choose(user, 'Disable user');
    await user.click(dialog().getByRole('button', { name: 'Disable user' }));
    await flash(`${ADA} is disabled.`);
    expect(callsTo(calls, 'disableUser')).toEqual([{ params: { username: 'u-ada' } }]);
    await waitFor(() => expect(detail('Enabled')).toBe('Disabled'));

    await user.click(button('Actions'));
    expect(screen.getByRole('menuitem', { name: 'Enable user' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Disable user' })).toBeNull();
  });

  it('resets the password after asking', async () => {
    const { user, calls } = await renderUserPage(userApi());
    await choose(user, 'Reset password');
    expect(dialog().getByText(/^Reset the password of/)).toBeTruthy();
    await user.click(dialog().getByRole('button', { name: 'Reset password' }));
    await flash(`The password of ${ADA} is reset; they have been sent a code.`);
    expect(callsTo(calls, 'resetUserPassword')).toEqual([{ params: { username: 'u-ada' } }]);
    await waitFor(() => expect(detail('Status')).toBe('Password reset required'));
  });

  it('resets MFA after asking, then shows the user without an authenticator app', async () => {
    const { user, calls } = await renderUserPage(userApi({ mfaEnabled: true }));
    expect(detail('MFA')).toBe('Authenticator app');

    await choose(user, 'Reset MFA');
    expect(dialog().getByText(/^Reset MFA of ada@example\.com\?/)).toBeTruthy();
    await user.click(dialog().getByRole('button', { name: 'Cancel' }));
    expect(callsTo(calls, 'resetUserMfa')).toEqual([]);

    await choose(user, 'Reset MFA');
    await user.click(dialog().getByRole('button', { name: 'Reset MFA' }));
    await flash(
      `The authenticator app of ${ADA} is turned off, and they are signed out everywhere.`,
    );
    expect(callsTo(calls, 'resetUserMfa')).toEqual([{ params: { username: 'u-ada' } }]);
    await waitFor(() => expect(detail('MFA')).toBe('None'));
  });

  it('offers no MFA reset for a user without an authenticator app, and says why', async () => {
    const { user } = await renderUserPage(userApi({ mfaEnabled: false }));
    await user.click(button('Actions'));
    const item = screen.getByRole('menuitem', {
      name: 'Reset MFA',
      description: 'This user has no authenticator app to reset.',
    });
    expect(item.getAttribute('aria-disabled')).toBe('true');
  });

  it('says an invited user who never signed in gets the invitation again, not a code', async () => {
    const { user, calls } = await renderUserPage(userApi({ status: 'FORCE_CHANGE_PASSWORD' }));
    await choose(user, 'Reset password');
    expect(
      dialog().getByText(/has not signed in yet, so there is no password to reset/),
    ).toBeTruthy();
    await user.click(dialog().getByRole('button', { name: 'Resend invitation' }));

    await flash(
      `${ADA} has not signed in yet, so no code was sent: a new invitation with a new temporary password was sent instead.`,
    );
    expect(screen.queryByText(/they have been sent a code/)).toBeNull();
    expect(callsTo(calls, 'resetUserPassword')).toEqual([{ params: { username: 'u-ada' } }]);
  });

  it('adds the user to a group and, after asking, takes them out again', async () => {
    const { user, calls } = await renderUserPage(userApi());
    expect(groupsShown()).toEqual([GENERAL]);

    await user.click(screen.getByRole('button', { name: /^Group to add/ }));
    await user.click(screen.getByRole('option', { name: new RegExp(`^${ADMIN}`) }));
    await user.click(button('Add to group'));
    await flash(`${ADA} is now in ${ADMIN}.`);
    await waitFor(() => expect(groupsShown()).toEqual([GENERAL, ADMIN]));
    await user.click(screen.getByRole('button', { name: /^Group to add/ }));
    await user.click(screen.getByRole('option', { name: new RegExp(`^${HELPDESK}`) }));
    await user.click(button('Add to group'));
    await flash(`${ADA} is now in ${HELPDESK}.`);
    await waitFor(() => expect(groupsShown()).toEqual([GENERAL, ADMIN, HELPDESK]));
    expect(screen.getByText('They are in every group.')).toBeTruthy();

    await user.click(button(`Remove from ${GENERAL}`));
    expect(dialog().getByText(`Remove ${ADA} from ${GENERAL}?`, { exact: false })).toBeTruthy();
    await user.click(dialog().getByRole('button', { name: 'Remove' }));
    await flash(`${ADA} is no longer in ${GENERAL}.`);
    await waitFor(() => expect(groupsShown()).toEqual([ADMIN, HELPDESK]));
    expect(callsTo(calls, 'addUserToGroup')).toEqual([
      { params: { username: 'u-ada', group: ADMIN } },
      { params: { username: 'u-ada', group: HELPDESK } },
    ]);
    expect(callsTo(calls, 'removeUserFromGroup')).toEqual([
      { params: { username: 'u-ada', group: GENERAL } },
    ]);
  });

  it('offers support staff only what their role may call: no delete, no group changes', async () => {
    const { user } = await renderUserPage(userApi({ mfaEnabled: true }), ME, [HELPDESK]);
    await user.click(button('Actions'));
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Disable user',
      'Reset password',
      'Reset MFA',
    ]);
    expect(screen.queryByRole('button', { name: 'Add to group' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove from / })).toBeNull();
  });

  it('offers support staff nothing on an administrator, and says why', async () => {
    await renderUserPage(userApi({ groups: [ADMIN, GENERAL] }), ME, [HELPDESK]);
    expect(isDisabled(button('Actions'))).toBe(true);
    expect(
      screen.getByText(
        'This user is in the admin group, which has more rights than your role: ask an administrator.',
      ),
    ).toBeTruthy();
  });

  it('links each group to its members', async () => {
    await renderUserPage(userApi());
    expect(groupsTable().getByRole('link', { name: GENERAL }).getAttribute('href')).toBe(
      `${ADMIN_SCREENS.groups}/${GENERAL}`,
    );
  });

  it('deletes only once the email is typed out, then goes back to Users saying so', async () => {
    const { user, calls } = await renderUserPage(userApi());
    await choose(user, 'Delete user');
    const submit = dialog().getByRole<HTMLButtonElement>('button', { name: 'Delete user' });
    expect(submit.disabled).toBe(true);
    const typed = dialog().getByRole('textbox', { name: `To confirm, type “${ADA}”` });
    await user.type(typed, 'ada@');
    expect(submit.disabled).toBe(true);
    await user.type(typed, 'EXAMPLE.com');
    await user.click(submit);

    expect(await screen.findByRole('heading', { name: 'Users' })).toBeTruthy();
    await flash(`${ADA} is deleted.`);
    expect(callsTo(calls, 'deleteUser')).toEqual([{ params: { username: 'u-ada' } }]);
    // The deleted user is not read again.
    expect(callsTo(calls, 'getUser')).toHaveLength(1);
  });

  it('says in the flashbar why an action failed, with the request id', async () => {
    const { user } = await renderUserPage({
      ...userApi(),
      disableUser: async () => {
        throw await decodeApiError(
          new Response(JSON.stringify({ message: 'User does not exist.' }), {
            status: 400,
            headers: {
              'content-type': 'application/json',
              'x-amzn-ErrorType': 'UserNotFoundException',
              'x-amzn-RequestId': 'req-42',
            },
          }),
          new URL('https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod'),
        );
      },
    });
    await choose(user, 'Disable user');
    await user.click(dialog().getByRole('button', { name: 'Disable user' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('User does not exist.');
    expect(alert.textContent).toContain('Request id: req-42');
  });

  it('offers nothing that would lock you out or grant you a group on your own account', async () => {
    const { user } = await renderUserPage(
      userApi({ email: ME, groups: [ADMIN], mfaEnabled: true }),
      ME,
    );
    expect(screen.getByText(/^This is your own account\./)).toBeTruthy();
    expect(isDisabled(button('Actions'))).toBe(true);
    await user.click(button('Actions'));
    expect(screen.queryByRole('menuitem')).toBeNull();
    const why =
      'You cannot add yourself to a group or remove yourself from admin: ask another administrator.';
    for (const name of [`Remove from ${ADMIN}`, 'Add to group']) {
      expect(
        screen.getByRole<HTMLButtonElement>('button', { name, description: why }).disabled,
      ).toBe(true);
    }
  });

  it('lets you leave a group other than admin yourself', async () => {
    await renderUserPage(userApi({ email: ME, groups: [ADMIN, GENERAL] }), ME);
    expect(button(`Remove from ${GENERAL}`).disabled).toBe(false);
    expect(button(`Remove from ${ADMIN}`).disabled).toBe(true);
  });

  it('grants no group to an address its owner has not verified, but still takes one away', async () => {
    await renderUserPage(userApi({ emailVerified: false }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(ADA);
    expect(detail('Email')).toBe(`${ADA}Not verified`);
    const why =
      'This email address is not verified by its owner, so no group can be granted to it.';
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Add to group', description: why })
        .disabled,
    ).toBe(true);
    expect(button(`Remove from ${GENERAL}`).disabled).toBe(false);
    expect(isDisabled(button('Actions'))).toBe(false);
  });
});
