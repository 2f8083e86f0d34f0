import { describe, expect, it } from 'vitest';
import type { UserSummary } from '@contract';
import type { ApiClient } from '../../../api/clients';
import { readUsersExport } from './read-users-export';
import { NO_FILTERS } from './users-filters';

const user = (username: string): UserSummary => ({
  username,
  email: `${username}@example.com`,
  emailVerified: true,
  enabled: true,
  status: 'CONFIRMED',
  mfaEnabled: false,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
});

/** An admin API whose lists answer `pages` by cursor ('' for the first page). */
function apiWith(pages: Record<string, Record<string, { users: string[]; next: string | null }>>) {
  return (async (
    name: string,
    input: { params?: { group?: string }; query?: { cursor?: string } },
  ) => {
    const list = name === 'listUsers' ? 'users' : input.params!.group!;
    const page = pages[list]?.[input.query?.cursor ?? ''] ?? { users: [], next: null };
    return { users: page.users.map(user), nextCursor: page.next };
  }) as unknown as ApiClient;
}
const options = { signal: new AbortController().signal, onProgress: () => {} };

describe('reading an export', () => {
  it('keeps a user met on two pages once, and each of their groups once', async () => {
    const api = apiWith({
      users: { '': { users: ['ada', 'bob'], next: 'p2' }, p2: { users: ['bob'], next: null } },
      general: { '': { users: ['ada', 'bob'], next: 'g2' }, g2: { users: ['bob'], next: null } },
    });
    const users = await readUsersExport(api, NO_FILTERS, options);
    expect(users.map((u) => [u.username, u.groups])).toEqual([
      ['ada', ['general']],
      ['bob', ['general']],
    ]);
  });

  it('stops with an error rather than loop when a cursor comes back', async () => {
    const api = apiWith({
      users: { '': { users: ['ada'], next: 'p2' }, p2: { users: ['bob'], next: 'p2' } },
    });
    await expect(readUsersExport(api, NO_FILTERS, options)).rejects.toThrow(
      'The API gave the same page cursor twice',
    );
  });
});
