import { describe, expect, it } from 'vitest';
import type { UserSummary } from '@contract';
import { decodeApiError } from '../../../api/api-error';
import type { ApiClient } from '../../../api/clients';
import { newExportCheckpoint, readUsersExport } from './read-users-export';
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

  it('takes the same cursor from two lists as two pages: a cursor names a place in its own list', async () => {
    // Cursors name the last user of a page: a user last on a page of two groups gives both the
    // same one (a full e2e run met it, and the export failed).
    const api = apiWith({
      users: {
        '': { users: ['ada', 'bob'], next: 'after-ada' },
        'after-ada': { users: ['bob'], next: null },
      },
      helpdesk: {
        '': { users: ['ada'], next: 'after-ada' },
        'after-ada': { users: ['bob'], next: null },
      },
      general: {
        '': { users: ['ada'], next: 'after-ada' },
        'after-ada': { users: ['bob'], next: null },
      },
    });
    const users = await readUsersExport(api, NO_FILTERS, options);
    expect(users.map((u) => [u.username, [...u.groups].sort()])).toEqual([
      ['ada', ['general', 'helpdesk']],
      ['bob', ['general', 'helpdesk']],
    ]);
  });

  it('waits and tries a throttled page again, longer each time, then gives up', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let throttles = 2;
    const pages = apiWith({ users: { '': { users: ['ada'], next: null } } });
    const api = (async (name: string, input: never) => {
      if (name === 'listUsers' && throttles-- > 0) throw await throttled();
      return (pages as unknown as (n: string, i: never) => Promise<unknown>)(name, input);
    }) as unknown as ApiClient;
    const users = await readUsersExport(api, NO_FILTERS, { ...options, sleep });
    expect(users.map((u) => u.username)).toEqual(['ada']);
    expect(waits).toEqual([1_000, 2_000]);

    throttles = Infinity;
    waits.length = 0;
    await expect(readUsersExport(api, NO_FILTERS, { ...options, sleep })).rejects.toMatchObject({
      status: 429,
    });
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
  });

  it('goes on from the page that failed when tried again with its checkpoint', async () => {
    const asked: string[] = [];
    let failOnce = true;
    const pages = apiWith({
      users: { '': { users: ['ada'], next: 'p2' }, p2: { users: ['bob'], next: null } },
      general: { '': { users: ['ada'], next: 'g2' }, g2: { users: ['bob'], next: null } },
    });
    const api = (async (
      name: string,
      input: { params?: { group?: string }; query?: { cursor?: string } },
    ) => {
      const page = `${input.params?.group ?? 'users'}:${input.query?.cursor ?? ''}`;
      asked.push(page);
      if (page === 'general:g2' && failOnce) {
        failOnce = false;
        throw new Error('The network went away');
      }
      return (pages as unknown as (n: string, i: unknown) => Promise<unknown>)(name, input);
    }) as unknown as ApiClient;
    const checkpoint = newExportCheckpoint(NO_FILTERS);
    await expect(readUsersExport(api, NO_FILTERS, { ...options, checkpoint })).rejects.toThrow(
      'The network went away',
    );
    asked.length = 0;
    const users = await readUsersExport(api, NO_FILTERS, { ...options, checkpoint });
    // Only the page that failed, and what comes after it, is read again.
    expect(asked).toEqual(['general:g2']);
    expect(users.map((u) => [u.username, u.groups])).toEqual([
      ['ada', ['general']],
      ['bob', ['general']],
    ]);
  });
});

/** A 429 as the admin API's transport hands it on once its own quick retries are spent. */
const throttled = () =>
  decodeApiError(
    new Response(JSON.stringify({ message: 'Rate exceeded' }), {
      status: 429,
      headers: { 'content-type': 'application/json' },
    }),
  );
