import { GROUP_NAMES, MAX_USERS_PAGE, type GroupName, type UserPage } from '@contract';
import type { ApiClient } from '../../../api/clients';
import type { ExportedUser } from './users-csv';
import { usersQuery, type UsersFilters } from './users-filters';

/**
 * How far an export has got. The lists it reads are known from the start (the users, then
 * each group's members) but not how long each is, so progress is told as lists finished and,
 * within the list being read, the page being read and the users read so far.
 */
export interface ExportProgress {
  /** The list being read: the filtered users, or a group's members. */
  reading: 'users' | GroupName;
  /** The page of that list being read, from 1. */
  page: number;
  /** Users of the filtered list read so far. */
  users: number;
  listsDone: number;
  lists: number;
}

/** The users list, then each group's members. */
const LISTS = 1 + GROUP_NAMES.length;

interface ReadOptions {
  signal: AbortSignal;
  onProgress(progress: ExportProgress): void;
}

/**
 * Every item of a cursor-paged list, once each (a user met again on a later page, the pool
 * having changed meanwhile, is kept once); `onPage` is told before each page is asked for. A
 * cursor given twice would loop for ever: that is an error.
 */
async function readAllPages(
  readPage: (cursor: string | undefined) => Promise<UserPage>,
  { signal, onPage }: { signal: AbortSignal; onPage(page: number, readSoFar: number): void },
): Promise<UserPage['users']> {
  const users = new Map<string, UserPage['users'][number]>();
  const cursors = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    onPage(page, users.size);
    const answer = await readPage(cursor);
    // A page answered after Stop is not used: Stop means nothing more is read or saved.
    signal.throwIfAborted();
    for (const user of answer.users) users.set(user.username, user);
    if (!answer.nextCursor) return [...users.values()];
    if (cursors.has(answer.nextCursor)) {
      throw new Error('The API gave the same page cursor twice; the export stopped.');
    }
    cursors.add(answer.nextCursor);
    cursor = answer.nextCursor;
  }
}

/**
 * Every user the Users list shows under `filters` (all its pages, the largest the contract
 * allows), each with their groups. ListUsers returns no groups, so each group's members are
 * read too (a few calls per group rather than one per user) and joined by username. Throws
 * once `signal` aborts.
 */
export async function readUsersExport(
  api: ApiClient,
  filters: UsersFilters,
  { signal, onProgress }: ReadOptions,
): Promise<ExportedUser[]> {
  const users = await readAllPages(
    (cursor) =>
      api(
        'listUsers',
        { query: { ...usersQuery(filters, cursor), limit: MAX_USERS_PAGE } },
        { signal },
      ),
    {
      signal,
      onPage: (page, readSoFar) =>
        onProgress({ reading: 'users', page, users: readSoFar, listsDone: 0, lists: LISTS }),
    },
  );
  const groupsOf = new Map<string, Set<GroupName>>();
  for (const [index, group] of GROUP_NAMES.entries()) {
    const members = await readAllPages(
      (cursor) =>
        api(
          'listGroupMembers',
          { params: { group }, query: { limit: MAX_USERS_PAGE, ...(cursor ? { cursor } : {}) } },
          { signal },
        ),
      {
        signal,
        onPage: (page) =>
          onProgress({
            reading: group,
            page,
            users: users.length,
            listsDone: 1 + index,
            lists: LISTS,
          }),
      },
    );
    for (const { username } of members) {
      groupsOf.set(username, (groupsOf.get(username) ?? new Set<GroupName>()).add(group));
    }
  }
  return users.map((user) => ({ ...user, groups: [...(groupsOf.get(user.username) ?? [])] }));
}
