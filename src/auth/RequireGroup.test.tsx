// @vitest-environment jsdom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import { Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { GROUPS } from '@contract/groups';
import { decodeApiError } from '../api/api-error';
import { routeQuery } from '../api/route-queries';
import { renderScreen } from '../testing/render-screen';
import { NotFoundPage } from '../ui/NotFoundPage';
import RequireAdmin from './RequireGroup';
import { SECURITY_PATH, type SecurityLocationState } from './security-path';

const adminScreen = (
  <Routes>
    <Route element={<RequireAdmin />}>
      <Route index element={<h1>Users</h1>} />
    </Route>
  </Routes>
);

afterEach(cleanup);

describe('The admin screens’ guard', () => {
  it('tells someone outside the group, calmly, what they need, with “Refresh my access”', async () => {
    const { user } = await renderScreen(adminScreen, { session: { groups: ['general'] } });
    expect(
      screen.getByRole('heading', { level: 1, name: `You need the ${GROUPS.admin.name} group` }),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Users' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Refresh my access' }));
    expect((await screen.findByRole('status')).textContent).toContain('Your access is up to date.');
  });

  it('lets a member through', async () => {
    await renderScreen(adminScreen, { session: { groups: [GROUPS.admin.name] } });
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
