// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { listUsersQuery, UserSummary } from '@contract';
import { decodeApiError } from '../../../api/api-error';
import { refusal, type FakeRoutes } from '../../../testing/fake-api';
import { person } from '../../../testing/people';
import { renderScreen } from '../../../testing/render-screen';
import UsersPage from './UsersPage';

const ME = 'admin@example.com';

/** The query as the SPA sends it. */
type UsersQuery = z.input<typeof listUsersQuery>;

/** Who is in which group, as the fake API's group filter reads it. */
const GROUP_MEMBERS: Record<string, string[]> = {
  admin: ['u-admin', 'u-carol'],
  general: ['u-bob', 'u-carol', 'u-dave'],
};

/** The user's value of a filter attribute, as Cognito would compare it. */
function attributeOf(user: UserSummary, attribute: UsersQuery['attribute']): string | undefined {
  if (attribute === 'cognito:user_status') return user.status;
  if (attribute === 'email' || attribute === 'name' || attribute === 'username') {
    return user[attribute] ?? undefined;
  }
  return undefined;
}

/** Two pages of users, as the admin API pages, filters and changes them. */
function usersApi() {
  const first = [
    person('carol', { mfaEnabled: true, name: 'Carol Ng' }),
    person('admin'),
    person('bob', { enabled: false, emailVerified: false, name: 'Bob Ray' }),
  ];
  const second = [person('dave', { status: 'FORCE_CHANGE_PASSWORD', name: 'Dave Ng' })];
  const matches = (query: UsersQuery) => (user: UserSummary) => {
    const actual = attributeOf(user, query.attribute);
    const byAttribute =
      !query.value ||
      (actual !== undefined &&
        (query.match === 'exact' ? actual === query.value : actual.startsWith(query.value)));
    const byStatus =
      !query.status ||
      (query.status === 'force-change-password'
        ? user.status === 'FORCE_CHANGE_PASSWORD'
        : (query.status === 'disabled') === !user.enabled);
    const byGroup = !query.group || (GROUP_MEMBERS[query.group] ?? []).includes(user.username);
    return byAttribute && byStatus && byGroup;
  };
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
      if (query.value || query.status || query.group) {
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

/** Picks `option` from the filter bar's select whose name starts as `select` says. */
async function choose(user: UserEvent, select: RegExp, option: string) {
  await user.click(screen.getByRole('button', { name: select }));
  await user.click(await screen.findByRole('option', { name: option }));
}

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
    await choose(user, /^Status/, 'Disabled');

    await waitFor(() => expect(emailsShown()).toEqual(['bob@example.com']));
    expect(listCalls(calls).at(-1)).toEqual({
      query: { limit: 20, attribute: 'email', match: 'prefix', value: 'bo', status: 'disabled' },
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

  it('filters by another attribute, exactly, within a group, as the Cognito console does', async () => {
    const { user, calls } = await renderUsers();
    await choose(user, /^Attribute/, 'Name');
    await choose(user, /^How the value matches/, 'Equals');
    // Neither asks for other users until there is a value: the list is not read again.
    expect(listCalls(calls)).toHaveLength(1);

    await user.type(screen.getByRole('searchbox', { name: 'Name equals' }), 'Carol Ng');
    await waitFor(() => expect(emailsShown()).toEqual(['carol@example.com']));
    await choose(user, /^Group/, 'general');

    await waitFor(() => expect(emailsShown()).toEqual(['carol@example.com']));
    expect(listCalls(calls).at(-1)).toEqual({
      query: { limit: 20, attribute: 'name', match: 'exact', value: 'Carol Ng', group: 'general' },
    });
    // "Carol" alone is no whole name: nobody, in any group.
    await user.clear(screen.getByRole('searchbox', { name: 'Name equals' }));
    await user.type(screen.getByRole('searchbox', { name: 'Name equals' }), 'Carol');
    expect(await screen.findByText('No user matches these filters.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByRole('link', { name: 'carol@example.com' });
    expect(screen.getByRole('button', { name: /^Attribute/ }).textContent).toBe('Email');
    expect(screen.getByRole('button', { name: /^Group/ }).textContent).toBe('Any group');
  });

  it('lists a group’s members, with the status on top', async () => {
    const { user, calls } = await renderUsers();
    await choose(user, /^Group/, 'general');
    await waitFor(() =>
      expect(emailsShown()).toEqual(['carol@example.com', 'bob@example.com', 'dave@example.com']),
    );
    await choose(user, /^Status/, 'Must change password');
    await waitFor(() => expect(emailsShown()).toEqual(['dave@example.com']));
    expect(listCalls(calls).at(-1)).toEqual({
      query: { limit: 20, status: 'force-change-password', group: 'general' },
    });
  });

  it('says a page the filter emptied is not the end, when more pages follow', async () => {
    const routes = usersApi();
    const { user } = await renderUsers({
      ...routes,
      // A group's first page of members, none matching: the API answers it empty, with a cursor.
      listUsers: (input) =>
        input.query?.group && !input.query.cursor
          ? { users: [], nextCursor: 'members-2' }
          : routes.listUsers(input),
    });
    await choose(user, /^Group/, 'general');
    expect(
      await screen.findByText(
        'No user on this page matches these filters. The next pages may have some.',
      ),
    ).toBeTruthy();
    const pages = screen.getByRole('navigation', { name: 'Users pages' });
    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(emailsShown()).toEqual(['carol@example.com', 'bob@example.com', 'dave@example.com']),
    );
  });

  it('says beside the field why a user ID cannot match, and asks the API nothing for it', async () => {
    const { user, calls } = await renderUsers();
    await choose(user, /^Attribute/, 'User ID (sub)');
    await choose(user, /^How the value matches/, 'Equals');
    const field = screen.getByRole('searchbox', { name: 'User ID (sub) equals' });
    await user.type(field, '0f8fad5b');

    expect(await screen.findByText(/A user ID is a whole UUID/)).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(listCalls(calls).every((call) => !JSON.stringify(call).includes('0f8fad5b'))).toBe(true);
    // Nobody is listed meanwhile: not the whole pool, as if it were the filter's result, and
    // nothing is exported under a filter that did not apply.
    expect(emailsShown()).toEqual([]);
    expect(screen.getByRole('button', { name: 'Export' }).hasAttribute('disabled')).toBe(true);
    expect(
      screen.getByText('No users are listed until the filter above can be used.'),
    ).toBeTruthy();

    // The start of a UUID is what "Starts with" takes: it goes to the API.
    await choose(user, /^How the value matches/, 'Starts with');
    await waitFor(() =>
      expect(listCalls(calls).at(-1)).toEqual({
        query: { limit: 20, attribute: 'sub', match: 'prefix', value: '0f8fad5b' },
      }),
    );
    expect(screen.queryByText(/A user ID is a whole UUID/)).toBeNull();

    await user.type(screen.getByRole('searchbox', { name: 'User ID (sub) starts with' }), 'x');
    expect(await screen.findByText(/A user ID has only the digits 0–9/)).toBeTruthy();
  });

  it('offers Cognito’s account statuses to choose from, matched exactly', async () => {
    const { user, calls } = await renderUsers();
    await choose(user, /^Attribute/, 'Account status');
    const match = screen.getByRole('button', { name: /^How the value matches/ });
    expect(match.textContent).toBe('Equals');
    expect(match.hasAttribute('disabled') || match.getAttribute('aria-disabled') === 'true').toBe(
      true,
    );

    await choose(user, /^Account status equals/, 'Must change password');
    await waitFor(() => expect(emailsShown()).toEqual(['dave@example.com']));
    expect(listCalls(calls).at(-1)).toEqual({
      query: {
        limit: 20,
        attribute: 'cognito:user_status',
        match: 'exact',
        value: 'FORCE_CHANGE_PASSWORD',
      },
    });
  });

  it('shows each user’s name, or a dash for one who has none', async () => {
    await renderUsers();
    expect(within(row('carol@example.com')).getByRole('cell', { name: 'Carol Ng' })).toBeTruthy();
    expect(within(row(ME)).getByRole('cell', { name: '—' })).toBeTruthy();
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

    await user.click(screen.getByRole('checkbox', { name: 'Select bob@example.com' }));
    await user.click(screen.getByRole('button', { name: 'Actions' }));
    // Bob is disabled: the menu offers to enable him, not to disable him.
    expect(await screen.findByRole('menuitem', { name: 'Enable user' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Disable user' })).toBeNull();
  });

  it('asks before disabling (the old row button acted at once), and acts only on “Disable user”', async () => {
    const { user, calls } = await renderUsers();
    await user.click(screen.getByRole('checkbox', { name: 'Select carol@example.com' }));
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
    await user.click(screen.getByRole('checkbox', { name: 'Select carol@example.com' }));
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
    await user.click(screen.getByRole('checkbox', { name: 'Select carol@example.com' }));
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
    await user.click(screen.getByRole('checkbox', { name: `Select ${ME}` }));
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
