// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GroupName, UserPage } from '@contract';
import { downloadFile } from '../../../ui/download-file';
import { refusal, type FakeRoutes } from '../../../testing/fake-api';
import { person } from '../../../testing/people';
import { renderScreen } from '../../../testing/render-screen';
import UsersPage from './UsersPage';

// The browser's download, seen by the test: what file, with what text.
vi.mock('../../../ui/download-file', () => ({ downloadFile: vi.fn() }));
const downloads = vi.mocked(downloadFile);

/** The pool: three pages of users (one whose address a spreadsheet would run), and groups. */
const PAGES: UserPage[] = [
  {
    users: [person('carol', { mfaEnabled: true }), person('admin'), person('bob')],
    nextCursor: 'page-2',
  },
  { users: [person('dave', { enabled: false }), person('erin')], nextCursor: 'page-3' },
  { users: [person('frank'), person('=1+1')], nextCursor: null },
];
const PAGE_OF_CURSOR = { 'page-2': PAGES[1]!, 'page-3': PAGES[2]! } as Record<string, UserPage>;
/** Members by group; general's in two pages, one of them a user the filter left out. */
const MEMBERS: Record<GroupName, UserPage[]> = {
  admin: [{ users: [person('admin'), person('carol')], nextCursor: null }],
  helpdesk: [{ users: [], nextCursor: null }],
  general: [
    { users: [person('carol'), person('bob'), person('dave')], nextCursor: 'general-2' },
    { users: [person('frank'), person('left-out')], nextCursor: null },
  ],
};

/** A page of the list as the admin API answers it, filtered by status and group as it filters. */
function usersPage(query: { cursor?: string; status?: string; group?: GroupName }): UserPage {
  const page = query.cursor ? PAGE_OF_CURSOR[query.cursor]! : PAGES[0]!;
  const members = query.group && MEMBERS[query.group].flatMap((p) => p.users.map((u) => u.email));
  return {
    ...page,
    users: page.users.filter(
      (u) => (query.status !== 'disabled' || !u.enabled) && (!members || members.includes(u.email)),
    ),
  };
}

function poolApi(changes: Partial<FakeRoutes> = {}) {
  return {
    listUsers: ({ query = {} }) => usersPage(query),
    listGroupMembers: ({ params, query = {} }) => MEMBERS[params.group][query.cursor ? 1 : 0]!,
    ...changes,
  } satisfies FakeRoutes;
}

/** A page that answers when the test says. */
function held() {
  let answer!: (page: UserPage) => void;
  const page = new Promise<UserPage>((resolve) => (answer = resolve));
  return { page, answer };
}

/** The dialog on show (Cloudscape keeps closed ones in the document, hidden). */
const exportDialog = async () =>
  within(
    await screen.findByRole('dialog', {
      name: (_, el) => el.textContent?.includes('Export users') ?? false,
    }),
  );

async function openExport(routes: FakeRoutes) {
  const rendered = await renderScreen(<UsersPage />, { routes });
  await screen.findByRole('link', { name: 'carol@example.com' });
  await rendered.user.click(screen.getByRole('button', { name: 'Export' }));
  return { ...rendered, dialog: await exportDialog() };
}

const start = (user: UserEvent, dialog: Awaited<ReturnType<typeof exportDialog>>) =>
  user.click(dialog.getByRole('button', { name: 'Start export' }));

/** The downloaded CSV as a spreadsheet reads it: e-mail → its row's cells by column. */
function downloadedRows() {
  expect(downloads).toHaveBeenCalledTimes(1);
  const [filename, text, type] = downloads.mock.calls[0]!;
  expect(filename).toMatch(/^users-\d{4}-\d\d-\d\dT\d\d-\d\d\.csv$/);
  expect(type).toMatch(/^text\/csv/);
  const { data } = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  return new Map(data.map((row) => [row.email, row]));
}

const listUsersQueries = (calls: { route: string; input: unknown }[]) =>
  calls.filter((c) => c.route === 'listUsers').map((c) => c.input);

beforeEach(() => downloads.mockReset());
afterEach(cleanup);

describe('Export users', () => {
  it('downloads every user of every page as CSV, each with their groups', async () => {
    const { user, dialog, calls } = await openExport(poolApi());
    expect(
      dialog.getByText('Every user in the user pool, from all pages of the list.'),
    ).toBeTruthy();
    await start(user, dialog);

    const dialogElement = await screen.findByRole('dialog', { name: /Export users/ });
    await dialog.findByText('Users exported: 7');
    // Start, then Stop, are gone: focus is on Close, not lost behind the dialog.
    expect(document.activeElement?.textContent).toBe('Close');
    const rows = downloadedRows();
    expect([...rows.keys()]).toEqual([
      'carol@example.com',
      'admin@example.com',
      'bob@example.com',
      'dave@example.com',
      'erin@example.com',
      'frank@example.com',
      "'=1+1@example.com",
    ]);
    expect(Object.fromEntries([...rows].map(([email, row]) => [email, row.groups]))).toEqual({
      'carol@example.com': 'admin;general',
      'admin@example.com': 'admin',
      'bob@example.com': 'general',
      'dave@example.com': 'general',
      'erin@example.com': '',
      'frank@example.com': 'general',
      "'=1+1@example.com": '',
    });
    expect(rows.get('carol@example.com')).toMatchObject({ enabled: 'true', mfa: 'true' });
    expect(rows.get('dave@example.com')).toMatchObject({ enabled: 'false', mfa: 'false' });
    // The largest pages the contract allows, after the page on screen (20 a page).
    expect(listUsersQueries(calls).slice(1)).toEqual([
      { query: { limit: 60 } },
      { query: { limit: 60, cursor: 'page-2' } },
      { query: { limit: 60, cursor: 'page-3' } },
    ]);
    // Told in the flashbar too, which stays once the dialog is closed.
    const flashes = screen
      .getAllByRole('status')
      .filter((status) => !dialogElement.contains(status));
    expect(flashes.map((flash) => flash.textContent)).toEqual([
      expect.stringContaining('Users exported: 7'),
    ]);
  });

  it('exports what the list’s filters match, group included, and says so first', async () => {
    const { user, calls } = await renderScreen(<UsersPage />, { routes: poolApi() });
    await screen.findByRole('link', { name: 'carol@example.com' });
    await user.click(screen.getByRole('button', { name: /^Status/ }));
    await user.click(screen.getByRole('option', { name: 'Disabled' }));
    await waitFor(() => expect(listUsersQueries(calls)).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: /^Group/ }));
    await user.click(screen.getByRole('option', { name: 'general' }));
    await waitFor(() => expect(listUsersQueries(calls)).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await exportDialog();

    expect(
      dialog.getByText('Every user matching these filters, from all pages of the list:'),
    ).toBeTruthy();
    expect(dialog.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Status: Disabled',
      'In the group general',
    ]);
    await start(user, dialog);
    await dialog.findByText('Users exported: 1');
    expect([...downloadedRows().keys()]).toEqual(['dave@example.com']);
    expect(listUsersQueries(calls).slice(3)).toEqual([
      { query: { limit: 60, status: 'disabled', group: 'general' } },
      { query: { limit: 60, status: 'disabled', group: 'general', cursor: 'page-2' } },
      { query: { limit: 60, status: 'disabled', group: 'general', cursor: 'page-3' } },
    ]);
  });

  it('names the attribute the list is filtered by, and how it matches', async () => {
    const { user, calls } = await renderScreen(<UsersPage />, { routes: poolApi() });
    await screen.findByRole('link', { name: 'carol@example.com' });
    await user.type(screen.getByRole('searchbox', { name: 'Email starts with' }), 'da');
    await waitFor(() => expect(listUsersQueries(calls)).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await exportDialog();
    expect(dialog.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Email starts with “da”',
    ]);
    await start(user, dialog);
    await dialog.findByText(/^Users exported: \d+$/);
    expect(listUsersQueries(calls).at(-1)).toMatchObject({
      query: { attribute: 'email', match: 'prefix', value: 'da' },
    });
  });

  it('shows its progress, and Stop reads no further and downloads nothing', async () => {
    const second = held();
    const { user, dialog, calls } = await openExport(
      poolApi({
        listUsers: ({ query = {} }) => (query.cursor === 'page-2' ? second.page : usersPage(query)),
      }),
    );
    await start(user, dialog);
    const progress = await dialog.findByRole('progressbar', { name: 'Exporting users' });
    await dialog.findByText('Users read: 3 (page 2)…');
    // No list is finished yet: the users' is the first of four (then each group's members).
    expect(progress.getAttribute('value')).toBe('0');

    await user.click(dialog.getByRole('button', { name: 'Stop' }));
    await act(async () => {
      second.answer(PAGES[1]!);
      // The fake API answers in microtasks: one task later, any read the answer led to is made.
      await new Promise((resolve) => setTimeout(resolve, 0));
    });

    expect(await dialog.findByText('Export stopped: nothing was downloaded.')).toBeTruthy();
    await waitFor(() => expect(dialog.queryByRole('progressbar')).toBeNull());
    expect(downloads).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.route === 'listGroupMembers')).toEqual([]);
    expect(listUsersQueries(calls).at(-1)).toEqual({ query: { limit: 60, cursor: 'page-2' } });
  });

  it('shows why a page failed, downloads nothing partial, and tries again', async () => {
    let failures = 1;
    const { user, dialog } = await openExport(
      poolApi({
        listUsers: async ({ query = {} }) => {
          if (query.cursor === 'page-3' && failures-- > 0) {
            throw await refusal(503, 'ServiceUnavailableException', 'Service Unavailable');
          }
          return usersPage(query);
        },
      }),
    );
    await start(user, dialog);

    expect((await dialog.findByRole('alert')).textContent).toContain('Service Unavailable');
    expect(dialog.getByText('The export failed: nothing was downloaded.')).toBeTruthy();
    expect(downloads).not.toHaveBeenCalled();

    await user.click(dialog.getByRole('button', { name: 'Try again' }));
    await dialog.findByText('Users exported: 7');
    expect(downloadedRows().size).toBe(7);
    expect(dialog.queryByRole('alert')).toBeNull();
  });
});
