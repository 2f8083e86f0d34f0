// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserSummary } from '@contract';
import { refusal, type FakeRoutes } from '../../../testing/fake-api';
import { renderScreen } from '../../../testing/render-screen';
import UsersPage from './UsersPage';

const ME = 'admin@example.com';

function person(name: string, changes: Partial<UserSummary> = {}): UserSummary {
  return {
    username: `u-${name}`,
    email: `${name}@example.com`,
    emailVerified: true,
    enabled: true,
    status: 'CONFIRMED',
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    ...changes,
  };
}

interface UsersQuery {
  email?: string;
  status?: string;
  cursor?: string;
}

/** Two pages of users, as the admin API pages, filters and changes them. */
function usersApi() {
  const first = [
    person('carol'),
    person('admin'),
    person('bob', { enabled: false, emailVerified: false }),
  ];
  const second = [person('dave', { status: 'FORCE_CHANGE_PASSWORD' })];
  const matches = (query: UsersQuery) => (user: UserSummary) =>
    (!query.email || user.email.startsWith(query.email)) &&
    (!query.status || (query.status === 'disabled') === !user.enabled);
  return {
    listUsers: ({ query = {} }: { query?: UsersQuery }) => {
      if (query.email || query.status) {
        return { users: [...first, ...second].filter(matches(query)), nextCursor: null };
      }
      return query.cursor === 'page-2'
        ? { users: second, nextCursor: null }
        : { users: first, nextCursor: 'page-2' };
    },
    disableUser: ({ params }: { params: { username: string } }) => {
      const user = first.find((u) => u.username === params.username)!;
      user.enabled = false;
      return { ...user, groups: [] };
    },
  };
}

async function renderUsers(routes: FakeRoutes = usersApi()) {
  const rendered = await renderScreen(<UsersPage />, { routes, session: { email: ME } });
  await screen.findByRole('table', { name: 'Users, page 1' });
  return rendered;
}

/** The e-mail addresses of the table's rows, top to bottom. */
const emailsShown = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.querySelector('a')!.textContent);

const row = (email: string) => screen.getByRole('row', { name: new RegExp(`^${email}`) });
const listCalls = (calls: { route: string; input: unknown }[]) =>
  calls.filter((c) => c.route === 'listUsers').map((c) => c.input);

afterEach(cleanup);

describe('Users', () => {
  it('lists a page of users, marking you and addresses nobody verified', async () => {
    await renderUsers();
    expect(emailsShown()).toEqual(['carol@example.com', ME, 'bob@example.com']);
    expect(within(row('bob@example.com')).getByText('unverified')).toBeTruthy();
    expect(within(row('bob@example.com')).getByRole('cell', { name: 'No' })).toBeTruthy();
    expect(within(row(ME)).getByText(/\(you\)/)).toBeTruthy();
    expect(within(row(ME)).getByRole('cell', { name: 'This is you' })).toBeTruthy();
    expect(within(row(ME)).queryByRole('button')).toBeNull();
  });

  it('filters by the start of the email and by status, and clears the filters', async () => {
    const { user, calls } = await renderUsers();
    await user.type(screen.getByRole('searchbox', { name: 'Email starts with' }), ' bo ');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Disabled');
    await user.click(screen.getByRole('button', { name: 'Filter' }));

    await screen.findByRole('row', { name: /^bob@example\.com/ });
    expect(emailsShown()).toEqual(['bob@example.com']);
    expect(listCalls(calls).at(-1)).toEqual({
      query: { limit: 20, email: 'bo', status: 'disabled' },
    });

    await user.clear(screen.getByRole('searchbox', { name: 'Email starts with' }));
    await user.type(screen.getByRole('searchbox', { name: 'Email starts with' }), 'zed');
    await user.click(screen.getByRole('button', { name: 'Filter' }));
    expect(await screen.findByText('No user matches these filters.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByRole('row', { name: /^carol@example\.com/ });
    expect(emailsShown()).toHaveLength(3);
    expect(
      screen.getByRole<HTMLInputElement>('searchbox', { name: 'Email starts with' }).value,
    ).toBe('');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Status' }).value).toBe('');
  });

  it('pages forward with the API’s cursor and back again', async () => {
    const { user, calls } = await renderUsers();
    const pages = screen.getByRole('navigation', { name: 'Users pages' });
    expect(
      within(pages).getByRole<HTMLButtonElement>('button', { name: 'Previous page' }).disabled,
    ).toBe(true);

    await user.click(within(pages).getByRole('button', { name: 'Next page' }));
    await screen.findByRole('table', { name: 'Users, page 2' });
    expect(emailsShown()).toEqual(['dave@example.com']);
    expect(
      within(row('dave@example.com')).getByRole('cell', { name: 'Must change password' }),
    ).toBeTruthy();
    expect(listCalls(calls).at(-1)).toEqual({ query: { limit: 20, cursor: 'page-2' } });
    expect(
      within(pages).getByRole<HTMLButtonElement>('button', { name: 'Next page' }).disabled,
    ).toBe(true);

    await user.click(within(pages).getByRole('button', { name: 'Previous page' }));
    await screen.findByRole('table', { name: 'Users, page 1' });
    expect(emailsShown()).toEqual(['carol@example.com', ME, 'bob@example.com']);
  });

  it('sorts the page on screen by a column, one way then the other', async () => {
    const { user } = await renderUsers();
    const header = () => screen.getByRole('columnheader', { name: /^Email/ });
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
    expect(screen.queryByRole('table')).toBeNull();

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Users, page 1' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('disables another user from their row, and shows them disabled', async () => {
    const { user, calls } = await renderUsers();
    await user.click(screen.getByRole('button', { name: 'Disable carol@example.com' }));

    expect((await screen.findByRole('status')).textContent).toBe('carol@example.com is disabled.');
    expect(calls).toContainEqual({
      route: 'disableUser',
      input: { params: { username: 'u-carol' } },
    });
    expect(
      await within(row('carol@example.com')).findByRole('button', {
        name: 'Enable carol@example.com',
      }),
    ).toBeTruthy();
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
    const form = within(screen.getByRole('form', { name: 'Invite a user' }));
    expect(form.getByRole<HTMLInputElement>('checkbox', { name: 'general' }).checked).toBe(true);

    await user.type(form.getByRole('textbox', { name: 'Email' }), 'erin@');
    await user.click(form.getByRole('button', { name: 'Send invitation' }));
    expect(form.getByRole('alert').textContent).toBe('Enter a valid email address.');
    expect(invited).toEqual([]);

    await user.type(form.getByRole('textbox', { name: 'Email' }), 'example.com');
    await user.click(form.getByRole('checkbox', { name: 'admin' }));
    await user.click(form.getByRole('button', { name: 'Send invitation' }));
    expect((await form.findByRole('status')).textContent).toBe(
      'Invitation sent to erin@example.com: they will get a temporary password by email.',
    );
    expect(invited).toEqual([{ email: 'erin@example.com', groups: ['general', 'admin'] }]);
    expect(form.getByRole<HTMLInputElement>('textbox', { name: 'Email' }).value).toBe('');
  });
});
