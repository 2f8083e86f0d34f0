// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserSummary } from '@contract';
import { decodeApiError } from '../../../api/api-error';
import { refusal, type FakeRoutes } from '../../../testing/fake-api';
import { person } from '../../../testing/people';
import { renderScreen } from '../../../testing/render-screen';
import UsersPage from './UsersPage';

const ME = 'admin@example.com';

interface UsersQuery {
  email?: string;
  status?: string;
  cursor?: string;
}

/** Two pages of users, as the admin API pages, filters and changes them. */
function usersApi() {
  const first = [
    person('carol', { mfaEnabled: true }),
    person('admin'),
    person('bob', { enabled: false, emailVerified: false }),
  ];
  const second = [person('dave', { status: 'FORCE_CHANGE_PASSWORD' })];
  const matches = (query: UsersQuery) => (user: UserSummary) =>
    (!query.email || user.email.startsWith(query.email)) &&
    (!query.status || (query.status === 'disabled') === !user.enabled);
  const find = (username: string) => [...first, ...second].find((u) => u.username === username)!;
  const setEnabled =
    (enabled: boolean) =>
    ({ params }: { params: { username: string } }) => {
      const user = find(params.username);
      user.enabled = enabled;
      return { ...user, groups: [] };
    };
  return {
    listUsers: ({ query = {} }: { query?: UsersQuery }) => {
      if (query.email || query.status) {
        return { users: [...first, ...second].filter(matches(query)), nextCursor: null };
      }
      return query.cursor === 'page-2'
        ? { users: second, nextCursor: null }
        : { users: first, nextCursor: 'page-2' };
    },
    disableUser: setEnabled(false),
    enableUser: setEnabled(true),
  } satisfies FakeRoutes;
}

/** A refusal by the admin API's handler, with the contract's error `code`. */
const handlerRefusal = (status: number, code: string, message: string) =>
  decodeApiError(
    new Response(JSON.stringify({ message, code }), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );

async function renderUsers(routes: FakeRoutes = usersApi()) {
  const rendered = await renderScreen(<UsersPage />, { routes, session: { email: ME } });
  await screen.findByRole('link', { name: 'carol@example.com' });
  return rendered;
}

const table = () => screen.getByRole('table', { name: /^Users, page \d+$/ });

/** The e-mail addresses of the table's rows, top to bottom. */
const emailsShown = () =>
  within(table())
    .queryAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('link').textContent);

/** A user's row, found by the e-mail in its row header. */
const row = (email: string) =>
  within(table())
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('link', { name: email }))!;

const listCalls = (calls: { route: string; input: unknown }[]) =>
  calls.filter((c) => c.route === 'listUsers').map((c) => c.input);

/** The dialog on show (Cloudscape keeps closed ones in the document, hidden). */
const openDialog = async (name: string) =>
  screen.findByRole('dialog', { name: (_, el) => el.textContent?.includes(name) ?? false });

/** Picks `item` from the header's "Actions" menu. */
async function chooseAction(user: UserEvent, item: string) {
  await user.click(screen.getByRole('button', { name: 'Actions' }));
  await user.click(await screen.findByRole('menuitem', { name: item }));
}

afterEach(cleanup);

describe('Users', () => {
  it('lists a page of users, marking you and addresses nobody verified', async () => {
    await renderUsers();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Users (3+)');
    expect(emailsShown()).toEqual(['carol@example.com', ME, 'bob@example.com']);
    expect(within(row('bob@example.com')).getByText('unverified')).toBeTruthy();
    expect(within(row('bob@example.com')).getByRole('cell', { name: 'Disabled' })).toBeTruthy();
    expect(within(row(ME)).getByRole('rowheader').textContent).toBe(`${ME} (you)`);
  });

  it('shows who signs in with an authenticator app', async () => {
    await renderUsers();
    expect(screen.getByRole('columnheader', { name: /^MFA/ })).toBeTruthy();
    expect(
      within(row('carol@example.com')).getByRole('cell', { name: 'Authenticator app' }),
    ).toBeTruthy();
    expect(within(row('bob@example.com')).getByRole('cell', { name: 'None' })).toBeTruthy();
  });

  it('keeps each cell on one line, so no word breaks in two (“Enable/d”)', async () => {
    await renderUsers();
    // Cloudscape's cells wrap only with `wrapLines`; the table scrolls sideways instead.
    const cells = [...table().querySelectorAll('td, th')];
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.some((cell) => /body-cell-wrap/.test(cell.className))).toBe(false);
    expect(within(row('bob@example.com')).getByRole('cell', { name: 'Disabled' })).toBeTruthy();
  });

  it('filters by the start of the email as you type, and by status, and clears the filters', async () => {
    const { user, calls } = await renderUsers();
    await user.type(screen.getByRole('searchbox', { name: 'Email starts with' }), ' bo ');
    await user.click(screen.getByRole('button', { name: /^Status/ }));
    await user.click(screen.getByRole('option', { name: 'Disabled' }));

    await waitFor(() => expect(emailsShown()).toEqual(['bob@example.com']));
    expect(listCalls(calls).at(-1)).toEqual({
      query: { limit: 20, email: 'bo', status: 'disabled' },
    });
    expect(await screen.findAllByText('Matching users: 1')).not.toHaveLength(0);

    await user.clear(screen.getByRole('searchbox', { name: 'Email starts with' }));
    await user.type(screen.getByRole('searchbox', { name: 'Email starts with' }), 'zed');
    expect(await screen.findByText('No user matches these filters.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByRole('link', { name: 'carol@example.com' });
    expect(emailsShown()).toHaveLength(3);
    expect(
      screen.getByRole<HTMLInputElement>('searchbox', { name: 'Email starts with' }).value,
    ).toBe('');
    expect(screen.getByRole('button', { name: /^Status/ }).textContent).toBe('Any status');
  });

  it('pages forward with the API’s cursor and back again', async () => {
    const { user, calls } = await renderUsers();
    const pages = screen.getByRole('navigation', { name: 'Users pages' });
    const button = (name: string) => within(pages).getByRole('button', { name });
    expect(button('Previous page').getAttribute('aria-disabled')).toBe('true');

    await user.click(button('Next page'));
    await screen.findByRole('link', { name: 'dave@example.com' });
    expect(table().getAttribute('aria-label')).toBe('Users, page 2');
    expect(emailsShown()).toEqual(['dave@example.com']);
    expect(
      within(row('dave@example.com')).getByRole('cell', { name: 'Must change password' }),
    ).toBeTruthy();
    expect(listCalls(calls).at(-1)).toEqual({ query: { limit: 20, cursor: 'page-2' } });
    expect(button('Next page').getAttribute('aria-disabled')).toBe('true');
    // Three on page 1, one here, and no more.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Users (4)');

    await user.click(button('Previous page'));
    await screen.findByRole('link', { name: 'carol@example.com' });
    expect(table().getAttribute('aria-label')).toBe('Users, page 1');
    expect(emailsShown()).toEqual(['carol@example.com', ME, 'bob@example.com']);
  });

  it('sorts the page on screen by a column, one way then the other', async () => {
    const { user } = await renderUsers();
    const header = () => screen.getByRole('button', { name: 'Sort by Email' }).closest('th')!;
    expect(header().getAttribute('aria-sort')).toBe('none');

    await user.click(screen.getByRole('button', { name: 'Sort by Email' }));
    expect(emailsShown()).toEqual([ME, 'bob@example.com', 'carol@example.com']);
    expect(header().getAttribute('aria-sort')).toBe('ascending');

    await user.click(screen.getByRole('button', { name: 'Sort by Email' }));
    expect(emailsShown()).toEqual(['carol@example.com', 'bob@example.com', ME]);
    expect(header().getAttribute('aria-sort')).toBe('descending');

    await user.click(screen.getByRole('button', { name: 'Sort by Enabled' }));
    expect(emailsShown().at(-1)).toBe('bob@example.com');
  });

  it('says why the list could not be read, and reads it again on “Try again”', async () => {
    const routes = usersApi();
    let refuse = true;
    const { user } = await renderScreen(<UsersPage />, {
      session: { email: ME },
      routes: {
        ...routes,
        listUsers: async (input) => {
          if (!refuse) return routes.listUsers(input);
          throw await refusal(
            403,
            'AccessDeniedException',
            'User: arn:aws:sts::000000000000:assumed-role/ConsoleGeneralRole/CognitoIdentityCredentials is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:000000000000:abc123/prod/GET/admin/users',
          );
        },
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('is not authorized to perform: execute-api:Invoke');
    // In place of the rows, under the filters (a filter that fails can be changed).
    expect(within(table()).getByRole('alert')).toBe(alert);
    expect(emailsShown()).toEqual([]);
    expect(screen.getByRole('searchbox', { name: 'Email starts with' })).toBeTruthy();

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'carol@example.com' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('acts on the selected row only, from the header’s Actions', async () => {
    const { user } = await renderUsers();
    const actions = screen.getByRole('button', { name: 'Actions' });
    expect(
      actions.hasAttribute('disabled') || actions.getAttribute('aria-disabled') === 'true',
    ).toBe(true);

    await user.click(screen.getByRole('radio', { name: 'Select bob@example.com' }));
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    // Bob is disabled: the menu offers to enable him, not to disable him.
    expect(await screen.findByRole('menuitem', { name: 'Enable user' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Disable user' })).toBeNull();
  });

  it('asks before disabling (the old row button acted at once), and acts only on “Disable user”', async () => {
    const { user, calls } = await renderUsers();
    await user.click(screen.getByRole('radio', { name: 'Select carol@example.com' }));
    await chooseAction(user, 'Disable user');

    const dialog = await openDialog('Disable carol@example.com?');
    expect(calls.some((c) => c.route === 'disableUser')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.route === 'disableUser')).toBe(false);

    await chooseAction(user, 'Disable user');
    await user.click(
      within(await openDialog('Disable carol@example.com?')).getByRole('button', {
        name: 'Disable user',
      }),
    );
    expect((await screen.findByRole('status')).textContent).toContain(
      'carol@example.com is disabled.',
    );
    expect(calls).toContainEqual({
      route: 'disableUser',
      input: { params: { username: 'u-carol' } },
    });
    await waitFor(() =>
      expect(within(row('carol@example.com')).getByRole('cell', { name: 'Disabled' })).toBeTruthy(),
    );
  });

  it('keeps one notice per user: a newer result replaces the older, and each can be dismissed', async () => {
    const { user } = await renderUsers();
    await user.click(screen.getByRole('radio', { name: 'Select carol@example.com' }));
    await chooseAction(user, 'Disable user');
    await user.click(
      within(await openDialog('Disable carol@example.com?')).getByRole('button', {
        name: 'Disable user',
      }),
    );
    await screen.findByText('carol@example.com is disabled.');

    await waitFor(() =>
      expect(within(row('carol@example.com')).getByRole('cell', { name: 'Disabled' })).toBeTruthy(),
    );
    await chooseAction(user, 'Enable user');
    await user.click(
      within(await openDialog('Enable carol@example.com?')).getByRole('button', {
        name: 'Enable user',
      }),
    );
    await screen.findByText('carol@example.com is enabled.');
    expect(screen.queryByText('carol@example.com is disabled.')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('carol@example.com is enabled.')).toBeNull());
  });

  it('asks for the e-mail typed out before deleting', async () => {
    const routes = usersApi();
    const deleted: string[] = [];
    const { user } = await renderUsers({
      ...routes,
      deleteUser: ({ params }) => {
        deleted.push(params.username);
        return undefined;
      },
    });
    await user.click(screen.getByRole('radio', { name: 'Select carol@example.com' }));
    await chooseAction(user, 'Delete user');
    const dialog = await openDialog('cannot be undone');
    const confirm = within(dialog).getByRole('button', { name: 'Delete user' });
    expect(
      confirm.hasAttribute('disabled') || confirm.getAttribute('aria-disabled') === 'true',
    ).toBe(true);
    await user.type(within(dialog).getByRole('textbox'), 'carol@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Delete user' }));
    await screen.findByText('carol@example.com is deleted.');
    expect(deleted).toEqual(['u-carol']);
  });

  it('offers no action on your own account, and says why', async () => {
    const { user } = await renderUsers();
    await user.click(screen.getByRole('radio', { name: `Select ${ME}` }));
    const actions = screen.getByRole('button', { name: 'Actions' });
    expect(
      actions.hasAttribute('disabled') || actions.getAttribute('aria-disabled') === 'true',
    ).toBe(true);
    await user.hover(actions);
    expect(
      await screen.findAllByText(/You cannot disable, reset or delete your own account here/),
    ).not.toHaveLength(0);
  });

  it('invites someone into the ticked groups, checking the address first', async () => {
    const invited: unknown[] = [];
    const routes = usersApi();
    const { user } = await renderUsers({
      ...routes,
      inviteUser: ({ body }) => {
        invited.push(body);
        return { ...person('erin'), status: 'FORCE_CHANGE_PASSWORD', groups: body.groups ?? [] };
      },
    });
    await user.click(screen.getByRole('button', { name: 'Invite user' }));
    const dialog = within(await openDialog('Invite a user'));
    expect(dialog.getByRole<HTMLInputElement>('checkbox', { name: 'general' }).checked).toBe(true);

    const email = dialog.getByRole<HTMLInputElement>('textbox', { name: 'Email' });
    await user.type(email, 'erin@');
    await user.click(dialog.getByRole('button', { name: 'Send invitation' }));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.getByText('Enter a valid email address.')).toBeTruthy();
    expect(invited).toEqual([]);

    await user.type(email, 'example.com');
    await user.click(dialog.getByRole('checkbox', { name: 'admin' }));
    await user.dblClick(dialog.getByRole('button', { name: 'Send invitation' }));
    expect((await screen.findByRole('status')).textContent).toContain(
      'Invitation sent to erin@example.com: they will get a temporary password by email.',
    );
    expect(screen.getByRole('status').textContent).toContain('Groups: general, admin.');
    expect(invited).toEqual([{ email: 'erin@example.com', groups: ['general', 'admin'] }]);
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'Email' })).toBeNull());
  });

  it('keeps the form open with the reason when the invitation is refused', async () => {
    const { user } = await renderUsers({
      ...usersApi(),
      inviteUser: async () => {
        throw await handlerRefusal(409, 'UsernameExistsException', 'User account already exists');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Invite user' }));
    const dialog = within(await openDialog('Invite a user'));
    await user.type(dialog.getByRole('textbox', { name: 'Email' }), 'carol@example.com');
    await user.click(dialog.getByRole('button', { name: 'Send invitation' }));
    expect((await dialog.findByRole('alert')).textContent).toContain(
      'A user with this email already exists.',
    );
    expect(dialog.getByRole<HTMLInputElement>('textbox', { name: 'Email' }).value).toBe(
      'carol@example.com',
    );
  });
});
