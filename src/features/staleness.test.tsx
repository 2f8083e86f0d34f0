// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { GROUP_SCREEN, groupScreen, USER_SCREEN, userScreen } from '../app/admin-screens';
import {
  GROUPS,
  type Announcement,
  type AuditEntry,
  type AuditedAction,
  type UserDetail,
} from '@contract';
import { At, renderScreen } from '../testing/render-screen';
import AnnouncementsAdminPage from './admin/announcements/AnnouncementsAdminPage';
import AuditPage from './admin/audit/AuditPage';
import GroupMembersPage from './admin/groups/GroupMembersPage';
import UserDetailPage from './admin/users/UserDetailPage';
import UsersPage from './admin/users/UsersPage';
import HomePage from './general/home/HomePage';

/**
 * What a change refreshes, seen as a person sees it: another screen on show at the same time
 * shows the change without a reload. A small in-memory backend answers the routes.
 */

const AT = '2026-11-21T00:00:00.000Z';
const ADMIN = GROUPS.admin.name;

function backend() {
  const announcements: Announcement[] = [];
  const audit: AuditEntry[] = [];
  const users: UserDetail[] = [
    user('u-admin', 'admin@example.com', [ADMIN]),
    user('u-ada', 'ada@example.com', []),
  ];
  const log = (action: AuditedAction, target: string) =>
    audit.unshift({
      id: `e${audit.length}`,
      at: AT,
      actor: { username: 'u-admin', email: 'admin@example.com' },
      action,
      target,
      requestId: `r${audit.length}`,
      outcome: 'success',
    });
  const find = (username: string) => users.find((u) => u.username === username)!;
  return {
    listAnnouncements: () => ({ announcements }),
    listAnnouncementsAdmin: () => ({ announcements }),
    postAnnouncement: ({ body }: { body: { title: string; body: string } }) => {
      const posted = {
        id: `a${announcements.length}aaaaaaaaaa`,
        ...body,
        author: 'admin@example.com',
        authorUsername: 'u-admin',
        createdAt: AT,
      };
      announcements.unshift(posted);
      log('postAnnouncement', posted.title);
      return posted;
    },
    deleteAnnouncement: ({ params }: { params: { id: string } }) => {
      const index = announcements.findIndex((a) => a.id === params.id);
      log('deleteAnnouncement', announcements.splice(index, 1)[0]!.title);
      return undefined;
    },
    listAudit: () => ({ entries: audit, nextCursor: null }),
    listUsers: () => ({ users, nextCursor: null }),
    getUser: ({ params }: { params: { username: string } }) => find(params.username),
    listGroupMembers: ({ params }: { params: { group: string } }) => ({
      users: users.filter((u) => u.groups.includes(params.group)),
      nextCursor: null,
    }),
    disableUser: ({ params }: { params: { username: string } }) => {
      const changed = find(params.username);
      changed.enabled = false;
      log('disableUser', changed.email);
      return changed;
    },
    addUserToGroup: ({ params }: { params: { username: string; group: string } }) => {
      const changed = find(params.username);
      changed.groups.push(params.group);
      log('addUserToGroup', `${changed.email} → ${params.group}`);
      return changed;
    },
  };
}

function user(username: string, email: string, groups: string[]): UserDetail {
  const verified = {
    emailVerified: true,
    enabled: true,
    status: 'CONFIRMED',
    mfaEnabled: false,
  } as const;
  return { username, email, ...verified, createdAt: AT, updatedAt: AT, groups };
}

const region = (name: string) => within(screen.getByRole('region', { name }));
/** Screens on show side by side, each in its own named part of the page (as in its own tab). */
const shown = (name: string, ui: ReactNode) => <section aria-label={name}>{ui}</section>;
const auditRows = () => region('Audit log').queryAllByRole('row').slice(1);

afterEach(cleanup);

describe('posting or deleting an announcement', () => {
  async function renderAnnouncementScreens() {
    const screens = await renderScreen(
      <>
        {shown('Announcements', <AnnouncementsAdminPage />)}
        {shown('Home', <HomePage />)}
        {shown('Audit log', <AuditPage />)}
      </>,
      { routes: backend() },
    );
    await region('Home').findByText('No announcements yet.');
    await region('Audit log').findByText('No admin actions recorded yet.');
    return screens;
  }

  it('shows the new announcement on Home and the post in the audit log', async () => {
    const { user: person } = await renderAnnouncementScreens();
    const admin = region('Announcements');
    await person.type(admin.getByRole('textbox', { name: 'Title' }), 'Maintenance');
    await person.type(admin.getByRole('textbox', { name: 'Text' }), 'Sunday 02:00');
    await person.click(admin.getByRole('button', { name: 'Post announcement' }));

    expect(await region('Home').findByRole('heading', { name: 'Maintenance' })).toBeTruthy();
    expect(
      await region('Audit log').findByRole('cell', { name: 'Post an announcement' }),
    ).toBeTruthy();
    expect(auditRows()).toHaveLength(1);
  });

  it('takes a deleted announcement off Home and logs the deletion', async () => {
    const { user: person } = await renderAnnouncementScreens();
    const admin = region('Announcements');
    await person.type(admin.getByRole('textbox', { name: 'Title' }), 'Maintenance');
    await person.type(admin.getByRole('textbox', { name: 'Text' }), 'Sunday 02:00');
    await person.click(admin.getByRole('button', { name: 'Post announcement' }));
    await region('Home').findByRole('heading', { name: 'Maintenance' });

    await person.click(admin.getByRole('button', { name: 'Delete “Maintenance”' }));
    await person.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));

    expect(await region('Home').findByText('No announcements yet.')).toBeTruthy();
    expect(
      await region('Audit log').findByRole('cell', { name: 'Delete an announcement' }),
    ).toBeTruthy();
  });
});

describe('a change to a user', () => {
  async function renderUserScreens() {
    const screens = await renderScreen(
      <>
        {shown(
          'User',
          <At path={userScreen('u-ada')} pattern={USER_SCREEN}>
            <UserDetailPage />
          </At>,
        )}
        {shown('Users', <UsersPage />)}
        {shown(
          `Members of ${ADMIN}`,
          <At path={groupScreen(ADMIN)} pattern={GROUP_SCREEN}>
            <GroupMembersPage />
          </At>,
        )}
        {shown('Audit log', <AuditPage />)}
      </>,
      { routes: backend() },
    );
    await screen.findByRole('heading', { name: 'ada@example.com' });
    await region('Users').findByRole('row', { name: /ada@example\.com/ });
    await region(`Members of ${ADMIN}`).findByRole('link', { name: 'admin@example.com' });
    await region('Audit log').findByText('No admin actions recorded yet.');
    return screens;
  }

  it('shows a disabled user as disabled in the Users list and logs it', async () => {
    const { user: person } = await renderUserScreens();
    await person.click(region('User').getByRole('button', { name: 'Actions' }));
    await person.click(region('User').getByRole('menuitem', { name: 'Disable user' }));
    await person.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Disable user' }),
    );

    expect(
      await region('Users').findByRole('row', { name: /ada@example\.com.*\bDisabled\b/ }),
    ).toBeTruthy();
    expect(await region('Audit log').findByRole('cell', { name: 'Disable a user' })).toBeTruthy();
  });

  it('lists a user added to a group among its members and logs it', async () => {
    const { user: person } = await renderUserScreens();
    await person.click(region('User').getByRole('button', { name: /^Group to add/ }));
    await person.click(region('User').getByRole('option', { name: new RegExp(`^${ADMIN}`) }));
    await person.click(region('User').getByRole('button', { name: 'Add to group' }));

    expect(
      await region(`Members of ${ADMIN}`).findByRole('link', { name: 'ada@example.com' }),
    ).toBeTruthy();
    expect(await region('Audit log').findByRole('cell', { name: 'Add to a group' })).toBeTruthy();
  });
});
