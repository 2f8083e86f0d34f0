// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserDetail } from '@contract';
import { decodeApiError } from '../../../../api/api-error';
import type { FakeCall, FakeRoutes } from '../../../../testing/fake-api';
import { person } from '../../../../testing/people';
import { renderScreen } from '../../../../testing/render-screen';
import { downloadFile } from '../../../../ui/download-file';
import UsersPage from '../UsersPage';

vi.mock('../../../../ui/download-file', () => ({ downloadFile: vi.fn() }));
const downloads = vi.mocked(downloadFile);

const ME = 'admin@example.com';

/** A refusal by the admin API's handler, with its error body as the handler writes it. */
const refused = (status: number, body: Record<string, string>) =>
  decodeApiError(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );

/**
 * Two pages of users, you among them, as the admin API pages them and filters them by
 * status; each action answers as the handler does, or as `overrides` say.
 */
function usersApi(overrides: FakeRoutes = {}) {
  const first = ['ada', 'admin', 'bob', 'carol', 'boss', 'frank', 'grace'].map((name) =>
    person(name),
  );
  const second = [person('dave'), person('erin', { enabled: false })];
  const everyone = [...first, ...second];
  const detail = (username: string): UserDetail => ({
    ...everyone.find((user) => user.username === username)!,
    groups: [],
  });
  const routes: FakeRoutes = {
    listUsers: ({ query = {} }) => {
      if (query.status) {
        const disabled = query.status === 'disabled';
        return { users: everyone.filter((u) => u.enabled !== disabled), nextCursor: null };
      }
      return query.cursor === 'page-2'
        ? { users: second, nextCursor: null }
        : { users: first, nextCursor: 'page-2' };
    },
    disableUser: ({ params }) => detail(params.username),
    enableUser: ({ params }) => detail(params.username),
    addUserToGroup: ({ params }) => detail(params.username),
    removeUserFromGroup: ({ params }) => detail(params.username),
    deleteUser: () => undefined,
  };
  return { ...routes, ...overrides };
}

async function renderUsers(routes: FakeRoutes = usersApi(), groups = ['admin']) {
  const rendered = await renderScreen(<UsersPage />, { routes, session: { email: ME, groups } });
  await screen.findByRole('link', { name: 'ada@example.com' });
  return rendered;
}

const heading = () => screen.getByRole('heading', { level: 1 }).textContent;

async function tick(user: UserEvent, ...names: string[]) {
  for (const name of names) {
    await user.click(screen.getByRole('checkbox', { name: `Select ${name}@example.com` }));
  }
}

/** Picks `item` from the header's "Actions" and answers the dialog it opens. */
async function choose(user: UserEvent, item: string) {
  await user.click(screen.getByRole('button', { name: 'Actions' }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
  return within(await screen.findByRole('dialog'));
}

/** The results table's words for each user, by e-mail, in the order they were selected. */
function results(dialog: ReturnType<typeof within>) {
  const table = dialog.getByRole('table', { name: 'Results' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => {
      const cells = within(row).getAllByRole('cell');
      return [cells[1]!.textContent, cells[2]!.textContent];
    });
}

const sent = (calls: FakeCall[], route: string) => calls.filter((call) => call.route === route);
const usernames = (calls: FakeCall[]) =>
  calls.map((call) => (call.input as { params: { username: string } }).params.username);

beforeEach(() => downloads.mockReset());
afterEach(cleanup);

describe('selecting users', () => {
  it('keeps the selection across pages, and clears it when the filter changes', async () => {
    const { user } = await renderUsers();
    await tick(user, 'ada', 'bob');
    expect(heading()).toBe('Users (2 selected)');

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await screen.findByRole('link', { name: 'dave@example.com' });
    await tick(user, 'dave');
    expect(heading()).toBe('Users (3 selected)');
    // The action takes the users ticked on both pages.
    const dialog = await choose(user, 'Disable users');
    expect(
      dialog.getByText('Disable 3 users? They cannot sign in until they are enabled again.'),
    ).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('link', { name: 'ada@example.com' });
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select ada@example.com' }).checked,
    ).toBe(true);

    await user.click(screen.getByRole('button', { name: /^Status/ }));
    await user.click(screen.getByRole('option', { name: 'Disabled' }));
    await screen.findByRole('link', { name: 'erin@example.com' });
    expect(heading()).not.toContain('selected');
    const actions = screen.getByRole('button', { name: 'Actions' });
    expect(
      actions.hasAttribute('disabled') || actions.getAttribute('aria-disabled') === 'true',
    ).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'Select every user on this page' }));
    expect(heading()).toBe('Users (1 selected)');
  });

  it('offers each role the bulk actions it may call: helpdesk disables and enables only', async () => {
    const menu = async (groups: string[]) => {
      const { user } = await renderUsers(usersApi(), groups);
      await tick(user, 'ada', 'bob');
      await user.click(screen.getByRole('button', { name: 'Actions' }));
      const items = (await screen.findAllByRole('menuitem')).map((item) => item.textContent);
      cleanup();
      return items;
    };
    expect(await menu(['admin'])).toEqual([
      'Disable users',
      'Enable users',
      'Add to group',
      'Remove from group',
      'Delete users',
    ]);
    expect(await menu(['helpdesk'])).toEqual(['Disable users', 'Enable users']);
  });
});

describe('a bulk action', () => {
  it('deletes only once the count is typed, reads the list again once, and forgets the deleted', async () => {
    const { user, calls } = await renderUsers();
    await tick(user, 'ada', 'bob', 'carol');
    const dialog = await choose(user, 'Delete users');
    const confirm = dialog.getByRole('button', { name: 'Delete 3 users' });
    const disabled = () =>
      confirm.hasAttribute('disabled') || confirm.getAttribute('aria-disabled') === 'true';
    expect(disabled()).toBe(true);
    const typed = dialog.getByRole('textbox', { name: 'To confirm, type “3”' });
    await user.type(typed, '2');
    expect(disabled()).toBe(true);
    await user.clear(typed);
    await user.type(typed, '3');
    expect(disabled()).toBe(false);

    const listsBefore = sent(calls, 'listUsers').length;
    await user.click(confirm);
    await dialog.findByText('Deleted: 3 · Failed: 0 · Not sent: 0', { exact: false });
    expect(usernames(sent(calls, 'deleteUser')).sort()).toEqual(['u-ada', 'u-bob', 'u-carol']);
    expect(results(dialog)).toEqual([
      ['ada@example.com', 'Deleted'],
      ['bob@example.com', 'Deleted'],
      ['carol@example.com', 'Deleted'],
    ]);
    // One read of the list for the whole run, not one per user (each would be a call here).
    await waitFor(() => expect(sent(calls, 'listUsers')).toHaveLength(listsBefore + 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent(calls, 'listUsers')).toHaveLength(listsBefore + 1);
    expect(heading()).not.toContain('selected');
  });

  it('never sends your own row, and says so in its result', async () => {
    const { user, calls } = await renderUsers();
    await tick(user, 'admin', 'ada');
    const dialog = await choose(user, 'Disable users');
    expect(dialog.getByText(/Your own account is selected: it is not sent/)).toBeTruthy();
    await user.click(dialog.getByRole('button', { name: 'Disable 1 user' }));

    await dialog.findByText('Disabled: 1 · Failed: 0 · Not sent: 1', { exact: false });
    expect(results(dialog)).toEqual([
      [ME, 'Not sent: your own account'],
      ['ada@example.com', 'Disabled'],
    ]);
    expect(usernames(sent(calls, 'disableUser'))).toEqual(['u-ada']);
  });

  it('reports every row: a 403 on one does not stop the others; one run id, audit link, CSV', async () => {
    const routes = usersApi();
    const { user, calls } = await renderUsers({
      ...routes,
      disableUser: async (input) => {
        if (input.params.username === 'u-boss') {
          throw await refused(403, {
            message: 'boss@example.com is in the admin group, which has more rights than yours.',
            code: 'OutranksCaller',
            group: 'admin',
          });
        }
        return routes.disableUser!(input);
      },
    });
    await tick(user, 'ada', 'boss', 'bob');
    const dialog = await choose(user, 'Disable users');
    await user.click(dialog.getByRole('button', { name: 'Disable 3 users' }));

    await dialog.findByText('Disabled: 2 · Failed: 1 · Not sent: 0', { exact: false });
    expect(results(dialog)).toEqual([
      ['ada@example.com', 'Disabled'],
      ['boss@example.com', 'Refused: this user is in admin, which has more rights than your role'],
      ['bob@example.com', 'Disabled'],
    ]);
    const disables = sent(calls, 'disableUser');
    const [batch] = new Set(disables.map((call) => call.batch));
    expect(batch).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(disables.every((call) => call.batch === batch)).toBe(true);
    expect(
      dialog.getByRole('link', { name: 'See these in the audit log' }).getAttribute('href'),
    ).toBe(`/admin/audit?batch=${batch}`);

    await user.click(dialog.getByRole('button', { name: 'Download results' }));
    await waitFor(() => expect(downloads).toHaveBeenCalledTimes(1));
    const [filename, text] = downloads.mock.calls[0]!;
    expect(filename).toMatch(/^users-disable-results-.*\.csv$/);
    const { data } = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(data).toEqual([
      { email: 'ada@example.com', action: 'disableUser', result: 'done', detail: 'Disabled' },
      {
        email: 'boss@example.com',
        action: 'disableUser',
        result: 'failed',
        detail:
          'Refused: this user is in admin, which has more rights than your role (OutranksCaller)',
      },
      { email: 'bob@example.com', action: 'disableUser', result: 'done', detail: 'Disabled' },
    ]);
    // The run over, nobody stays ticked for the next action, refused or not.
    expect(heading()).not.toContain('selected');
  });

  it('adds to the group chosen, once one is', async () => {
    const { user, calls } = await renderUsers();
    await tick(user, 'ada', 'bob');
    const dialog = await choose(user, 'Add to group');
    const add = dialog.getByRole('button', { name: 'Add 2 users' });
    expect(add.hasAttribute('disabled') || add.getAttribute('aria-disabled') === 'true').toBe(true);
    await user.click(dialog.getByRole('button', { name: /^Group/ }));
    await user.click(await screen.findByRole('option', { name: /^helpdesk/ }));
    await user.click(add);

    await dialog.findByText('Added to helpdesk: 2 · Failed: 0 · Not sent: 0', { exact: false });
    expect(sent(calls, 'addUserToGroup').map((call) => call.input)).toEqual([
      { params: { username: 'u-ada', group: 'helpdesk' } },
      { params: { username: 'u-bob', group: 'helpdesk' } },
    ]);
  });

  it('on Stop, lets the calls sent finish, sends no more, and cannot be closed until then', async () => {
    const started: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const routes = usersApi();
    const { user } = await renderUsers({
      ...routes,
      disableUser: async (input) => {
        started.push(input.params.username);
        await gate;
        return routes.disableUser!(input);
      },
    });
    await tick(user, 'ada', 'bob', 'carol', 'boss', 'frank', 'grace');
    const dialog = await choose(user, 'Disable users');
    await user.click(dialog.getByRole('button', { name: 'Disable 6 users' }));
    // Four at a time: the fifth waits for one of them.
    await waitFor(() => expect(started).toHaveLength(4));

    await user.click(dialog.getByRole('button', { name: 'Stop' }));
    await user.keyboard('{Escape}');
    await user.click(dialog.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('dialog')).toBeTruthy();

    release();
    await dialog.findByText('Disabled: 4 · Failed: 0 · Not sent: 2', { exact: false });
    expect(started).toEqual(['u-ada', 'u-bob', 'u-carol', 'u-boss']);
    expect(results(dialog).slice(4)).toEqual([
      ['frank@example.com', 'Not sent'],
      ['grace@example.com', 'Not sent'],
    ]);
    const close = dialog.getAllByRole('button', { name: 'Close' });
    await user.click(close[close.length - 1]!);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
