// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN_SCREENS, GROUP_SCREEN, groupScreen } from '../../../app/admin-screens';
import { GROUPS, roleArn, type UserSummary } from '@contract';
import type { FakeRoutes } from '../../../testing/fake-api';
import { renderScreen } from '../../../testing/render-screen';
import GroupMembersPage from './GroupMembersPage';
import GroupsPage from './GroupsPage';

const ADMIN = GROUPS.admin.name;
const GENERAL = GROUPS.general.name;
const AT = '2026-11-01T09:00:00.000Z';

function member(n: number, changes: Partial<UserSummary> = {}): UserSummary {
  return {
    username: `u-${n}`,
    email: `member${n}@example.com`,
    emailVerified: true,
    enabled: true,
    status: 'CONFIRMED',
    mfaEnabled: false,
    createdAt: AT,
    updatedAt: AT,
    ...changes,
  };
}

const routes = {
  listGroups: () => ({
    groups: [ADMIN, GENERAL].map((name) => ({
      name,
      description: GROUPS[name].description,
      precedence: GROUPS[name].precedence,
      roleArn: roleArn('123456789012', name),
      memberCount: name === ADMIN ? 1 : 3,
    })),
  }),
  // Two members a page, as a cursor walks them.
  listGroupMembers: ({ query }) => {
    const all = [
      member(1),
      member(2, { enabled: false }),
      member(3, { status: 'FORCE_CHANGE_PASSWORD' }),
    ];
    const start = query?.cursor ? Number(query.cursor) : 0;
    return {
      users: all.slice(start, start + 2),
      nextCursor: start + 2 < all.length ? String(start + 2) : null,
    };
  },
} satisfies FakeRoutes;

async function renderGroups(at: string, answers: FakeRoutes = routes) {
  return renderScreen(
    <Routes>
      <Route path={ADMIN_SCREENS.groups} element={<GroupsPage />} />
      <Route path={GROUP_SCREEN} element={<GroupMembersPage />} />
    </Routes>,
    { routes: answers, at },
  );
}

/** What each body row shows, cell by cell (the row header included). */
const rowTexts = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

afterEach(cleanup);

describe('Groups', () => {
  it('lists each group with its precedence and role, linking to its members', async () => {
    const { user } = await renderGroups(ADMIN_SCREENS.groups);
    const table = await screen.findByRole('table', { name: 'User pool groups' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Groups (2)');
    expect(document.title).toBe('Groups · Cognito IAM console');
    await within(table).findByRole('link', { name: ADMIN });
    expect(rowTexts(table)[0]).toEqual([
      ADMIN,
      GROUPS.admin.description,
      '1',
      'arn:aws:iam::123456789012:role/ConsoleAdminRole',
      '1',
    ]);

    await user.click(within(table).getByRole('link', { name: GENERAL }));
    expect(await screen.findByRole('heading', { level: 1, name: /^general/ })).toBeTruthy();
  });

  it('wraps a role ARN only at its separators', async () => {
    await renderGroups(ADMIN_SCREENS.groups);
    const table = await screen.findByRole('table', { name: 'User pool groups' });
    await within(table).findByRole('link', { name: ADMIN });
    const cell = within(table)
      .getAllByRole('cell')
      .find((c) => c.textContent === roleArn('123456789012', ADMIN))!;
    // A break opportunity after each run of ":" and "/", none inside a name.
    const pieces = cell.innerHTML.replace(/<[^w][^>]*>/g, '').split('<wbr>');
    expect(pieces).toEqual([
      'arn:',
      'aws:',
      'iam::',
      '123456789012:',
      'role/',
      expect.stringMatching(/^Console\w+Role$/),
    ]);
  });
});

describe('A group’s members', () => {
  it('lists members a page at a time, each linking to their user', async () => {
    const { user, calls } = await renderGroups(groupScreen(GENERAL));
    const table = await screen.findByRole('table', { name: `Members of ${GENERAL}` });
    await within(table).findByRole('link', { name: 'member1@example.com' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`${GENERAL} (2+)`);
    expect(rowTexts(table)).toEqual([
      ['member1@example.com', 'Confirmed', 'Enabled'],
      ['member2@example.com', 'Confirmed', 'Disabled'],
    ]);
    expect(
      within(table).getByRole('link', { name: 'member1@example.com' }).getAttribute('href'),
    ).toBe(`${ADMIN_SCREENS.users}/u-1`);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await within(table).findByRole('link', { name: 'member3@example.com' })).toBeTruthy();
    expect(rowTexts(table)).toEqual([['member3@example.com', 'Must change password', 'Enabled']]);
    expect(calls.filter((c) => c.route === 'listGroupMembers').at(-1)?.input).toEqual({
      params: { group: GENERAL },
      query: { cursor: '2' },
    });

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await within(table).findByRole('link', { name: 'member1@example.com' })).toBeTruthy();
  });

  it('says when a group has no members', async () => {
    await renderGroups(groupScreen(ADMIN), {
      ...routes,
      listGroupMembers: () => ({ users: [], nextCursor: null }),
    });
    expect(await screen.findByText('This group has no members.')).toBeTruthy();
    expect(document.title).toBe(`${ADMIN} · Cognito IAM console`);
  });
});
