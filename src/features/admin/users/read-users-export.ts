import {
  GROUP_NAMES,
  MAX_USERS_PAGE,
  type GroupMemberPage,
  type GroupName,
  type UserPage,
} from '@contract';
import { realSleep, withThrottlePatience, type Sleep } from '../../../api/throttle-patience';
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
  /** Where a run that failed got to: given again, the export goes on from there. */
  checkpoint?: ExportCheckpoint;
  /** Waits between tries of a throttled page (tests pass their own). */
  sleep?: Sleep;
}

/**
 * What an export has read so far, page by page: a run that fails (a page throttled past its
 * retries, the network gone) goes on from the page that failed when tried again, instead of
 * reading every page again. It belongs to one filter.
 */
export interface ExportCheckpoint {
  filters: UsersFilters;
  users: Map<string, UserPage['users'][number]>;
  /** The next page of the users list to read; null once it has been read to the end. */
  usersCursor: string | null | undefined;
  /** The group whose members are being read, by its index in `GROUP_NAMES`. */
  groupIndex: number;
  groupCursor: string | undefined;
  groupsOf: Map<string, Set<GroupName>>;
  /**
   * Every cursor given so far, by list: one given twice in a list would loop for ever. A cursor
   * names a place in its own list only, and two lists can give the same one (the user last on
   * a page of both).
   */
  cursors: Map<ExportProgress['reading'], Set<string>>;
}

export const newExportCheckpoint = (filters: UsersFilters): ExportCheckpoint => ({
  filters,
  users: new Map(),
  usersCursor: undefined,
  groupIndex: 0,
  groupCursor: undefined,
  groupsOf: new Map(),
  cursors: new Map(),
});

function cursorsOf(at: ExportCheckpoint, list: ExportProgress['reading']): Set<string> {
  const cursors = at.cursors.get(list) ?? new Set<string>();
  at.cursors.set(list, cursors);
  return cursors;
}

/**
 * Reads a cursor-paged list from `cursor` to its end, handing each page to `keep` (which
 * records it in the checkpoint) before asking for the next; `onPage` is told before each page
 * is asked for. A cursor given twice would loop for ever: that is an error.
 */
async function readPagesFrom<Page extends UserPage | GroupMemberPage>(
  cursor: string | undefined,
  readPage: (cursor: string | undefined) => Promise<Page>,
  {
    signal,
    cursors,
    onPage,
    keep,
  }: {
    signal: AbortSignal;
    /** The cursors this list has given so far. */
    cursors: Set<string>;
    onPage(page: number): void;
    keep(users: Page['users'], next: string | null): void;
  },
): Promise<void> {
  for (let page = 1; ; page++) {
    onPage(page);
    const answer = await readPage(cursor);
    // A page answered after Stop is not used: Stop means nothing more is read or saved.
    signal.throwIfAborted();
    keep(answer.users, answer.nextCursor);
    if (!answer.nextCursor) return;
    if (cursors.has(answer.nextCursor)) {
      throw new Error('The API gave the same page cursor twice; the export stopped.');
    }
    cursors.add(answer.nextCursor);
    cursor = answer.nextCursor;
  }
}

/**
 * Every user the Users list shows under `filters` (all its pages, the largest the contract
 * allows), each with their groups, once each. ListUsers returns no groups, so each group's
 * members are read too (one call per 60 members, rather than one per user) and joined by
 * username. Throws once `signal` aborts; with a `checkpoint`, goes on from where it says.
 */
export async function readUsersExport(
  api: ApiClient,
  filters: UsersFilters,
  { signal, onProgress, checkpoint = newExportCheckpoint(filters), sleep = realSleep }: ReadOptions,
): Promise<ExportedUser[]> {
  const at = checkpoint;
  const patiently = <Page>(read: () => Promise<Page>) =>
    withThrottlePatience(read, { signal, sleep });
  if (at.usersCursor !== null) {
    await readPagesFrom(
      at.usersCursor,
      (cursor) =>
        patiently(() =>
          api(
            'listUsers',
            { query: { ...usersQuery(filters, cursor), limit: MAX_USERS_PAGE } },
            { signal },
          ),
        ),
      {
        signal,
        cursors: cursorsOf(at, 'users'),
        onPage: (page) =>
          onProgress({ reading: 'users', page, users: at.users.size, listsDone: 0, lists: LISTS }),
        keep: (users, next) => {
          for (const user of users) at.users.set(user.username, user);
          at.usersCursor = next;
        },
      },
    );
  }
  for (; at.groupIndex < GROUP_NAMES.length; at.groupIndex++, at.groupCursor = undefined) {
    const group = GROUP_NAMES[at.groupIndex]!;
    const index = at.groupIndex;
    await readPagesFrom(
      at.groupCursor,
      (cursor) =>
        patiently(() =>
          api(
            'listGroupMembers',
            { params: { group }, query: { limit: MAX_USERS_PAGE, ...(cursor ? { cursor } : {}) } },
            { signal },
          ),
        ),
      {
        signal,
        cursors: cursorsOf(at, group),
        onPage: (page) =>
          onProgress({
            reading: group,
            page,
            users: at.users.size,
            listsDone: 1 + index,
            lists: LISTS,
          }),
        keep: (members, next) => {
          for (const { username } of members) {
            at.groupsOf.set(username, (at.groupsOf.get(username) ?? new Set()).add(group));
          }
          at.groupCursor = next ?? undefined;
        },
      },
    );
  }
  return [...at.users.values()].map((user) => ({
    ...user,
    groups: [...(at.groupsOf.get(user.username) ?? [])],
  }));
}
