// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { byLeastPrivilege, GROUPS, roleArn, type GroupName } from '@contract/groups';
import { decodeApiError } from '../api/api-error';
import { routeQuery } from '../api/route-queries';
import { renderScreen } from '../testing/render-screen';
import { NotFoundPage } from '../ui/NotFoundPage';
import RequireAdmin from './RequireRole';
import { SECURITY_PATH, type SecurityLocationState } from './security-path';

const adminScreen = (
  <Routes>
    <Route element={<RequireAdmin />}>
      <Route index element={<h1>Users</h1>} />
    </Route>
  </Routes>
);

afterEach(cleanup);

const arnOf = (group: GroupName) => roleArn('000000000000', group);
const acting = (group: GroupName, ...others: GroupName[]) => ({
  groups: [group, ...others],
  role: arnOf(group),
  actingGroup: group,
  roles: byLeastPrivilege([group, ...others]).map((g) => ({ arn: arnOf(g), group: g })),
});

describe('The admin screens’ guard', () => {
  it('tells someone whose roles may not, calmly, what they need, with “Refresh my access”', async () => {
    const { user } = await renderScreen(adminScreen, { session: acting('general') });
    expect(
      screen.getByRole('heading', { level: 1, name: 'Your role cannot open this page' }),
    ).toBeTruthy();
    expect(
      screen.getByText(/You act as ConsoleGeneralRole, which may not use “List users”/),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Users' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Switch role' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Refresh my access' }));
    expect((await screen.findByRole('status')).textContent).toContain('Your access is up to date.');
  });

  it('offers an administrator acting as general the switch to admin, which needs a fresh sign-in', async () => {
    const { user, session } = await renderScreen(adminScreen, {
      session: acting('general', 'admin'),
    });
    expect(screen.getByText(/ConsoleAdminRole, one of your roles, may/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Switch role' }));
    const dialog = screen.getByRole('dialog', { name: 'Switch role' });
    expect(within(dialog).getByRole('radio', { name: /^ConsoleAdminRole/ })).toHaveProperty(
      'checked',
      true,
    );
    expect(
      within(dialog).getByText(/you will sign in again with your password and a code/),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Sign in again to switch' }));
    expect(session.switchRole).toHaveBeenCalledWith(arnOf('admin'));
  });

  it('lets support staff into Users but not Announcements', async () => {
    const at = (path: string) => (
      <Routes>
        <Route path="/admin" element={<RequireAdmin />}>
          <Route path="*" element={<h1>{path}</h1>} />
        </Route>
      </Routes>
    );
    await renderScreen(at('users'), { at: '/admin/users', session: acting('helpdesk') });
    expect(screen.getByRole('heading', { name: 'users' })).toBeTruthy();
    cleanup();
    await renderScreen(at('announcements'), {
      at: '/admin/announcements',
      session: acting('helpdesk'),
    });
    expect(screen.getByRole('heading', { name: 'Your role cannot open this page' })).toBeTruthy();
    expect(screen.getByText(/may not use “List announcements”/)).toBeTruthy();
  });

  it('lets a member through', async () => {
    await renderScreen(adminScreen, { session: acting('admin') });
    expect(screen.getByRole('heading', { name: 'Users' })).toBeTruthy();
  });
});

describe('The admin screens and the authenticator app', () => {
  /** The Security screen, saying where it was asked to lead back to. */
  function SecurityMarker() {
    const { from } = (useLocation().state ?? {}) as SecurityLocationState;
    return <h1>{`Security, then ${from}`}</h1>;
  }
  /** An admin screen that reads users, as the Users screen does. */
  function UsersReader() {
    useQuery(routeQuery('listUsers', { query: {} }));
    return <h1>Users</h1>;
  }
  const guarded = (
    <Routes>
      <Route path="/admin" element={<RequireAdmin />}>
        <Route path="users" element={<UsersReader />} />
      </Route>
      <Route path={SECURITY_PATH} element={<SecurityMarker />} />
    </Routes>
  );

  it('sends an administrator without one to set it up, to come back here after', async () => {
    await renderScreen(guarded, {
      at: '/admin/users?email=a',
      session: { groups: [GROUPS.admin.name] },
      adminNeedsTotp: true,
    });
    expect(
      await screen.findByRole('heading', { name: 'Security, then /admin/users?email=a' }),
    ).toBeTruthy();
  });

  it('learns from the admin API refusing with MfaRequired that the app is missing', async () => {
    const { session } = await renderScreen(guarded, {
      at: '/admin/users',
      session: { groups: [GROUPS.admin.name] },
      routes: {
        listUsers: async () => {
          throw await decodeApiError(
            new Response(
              JSON.stringify({
                message: 'Set up an authenticator app to use admin features',
                code: 'MfaRequired',
              }),
              { status: 403, headers: { 'content-type': 'application/json' } },
            ),
          );
        },
      },
    });
    expect(screen.getByRole('heading', { name: 'Users' })).toBeTruthy();
    await waitFor(() => expect(session.noteTotp).toHaveBeenCalledWith(false));
  });
});

describe('An address with no screen', () => {
  it('says so, with the way Home', async () => {
    const { user } = await renderScreen(
      <Routes>
        <Route index element={<h1>Home</h1>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>,
      { at: '/no-such-page' },
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('There is no page at this address.')).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Go to Home' }));
    expect(screen.getByRole('heading', { name: 'Home' })).toBeTruthy();
  });
});
