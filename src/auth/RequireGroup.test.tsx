// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { GROUPS } from '@contract/groups';
import { renderScreen } from '../testing/render-screen';
import { NotFoundPage } from '../ui/NotFoundPage';
import RequireAdmin from './RequireGroup';

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
