import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  ListGroupsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type AdminGetUserCommandOutput,
  type AttributeType,
  type GroupType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  COGNITO_USER_STATUSES,
  type GroupMember,
  type GroupMemberPage,
  type GroupName,
  type ListUsersQuery,
  type UserFilterAttribute,
  type UserFilterMatch,
  type UserDetail,
  type UserPage,
  type UserStatusFilter,
  type UserSummary,
} from '@contract';
import { userPoolAccess } from './access';
import { cognitoClient } from './aws-clients';
import { awsErrorName } from './aws-errors';
import { notACursor } from './cursor';
import { requireEnv } from './env';
import { mapConcurrently } from './map-concurrently';

/** Reads of the user pool the admin and ops functions share. */
const userPoolId = () => requireEnv('USER_POOL_ID');

/** What each read sends to the user pool (see `access.ts`). */
export const USER_DIRECTORY_ACCESS = {
  // Listed users' MFA state is one AdminGetUser each (see `withMfaState`).
  // With a group, the list is that group's members (ListUsersInGroup).
  listUsers: userPoolAccess(
    'cognito-idp:ListUsers',
    'cognito-idp:ListUsersInGroup',
    'cognito-idp:AdminGetUser',
  ),
  getUser: userPoolAccess('cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'),
  listAllGroups: userPoolAccess('cognito-idp:ListGroups'),
  // Members only, without their MFA state: one call a page, not one per member too.
  listGroupMembers: userPoolAccess('cognito-idp:ListUsersInGroup'),
  countGroupMembers: userPoolAccess('cognito-idp:ListUsersInGroup'),
  countUsers: userPoolAccess('cognito-idp:ListUsers'),
  listGroupsOf: userPoolAccess('cognito-idp:AdminListGroupsForUser'),
} as const;

/** A user as a list shows them, before their MFA state is read (a group's member list, as is). */
type ListedUser = GroupMember;

/**
 * The user pool records a verified, turned-on authenticator app as `SOFTWARE_TOKEN_MFA` in
 * AdminGetUser's `UserMFASettingList` (ListUsers and ListUsersInGroup do not return it).
 */
const hasSoftwareTokenMfa = (user: Pick<AdminGetUserCommandOutput, 'UserMFASettingList'>) =>
  user.UserMFASettingList?.includes('SOFTWARE_TOKEN_MFA') ?? false;

const readUser = (username: string) =>
  cognitoClient().send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: username }));

/** Whether the user has an authenticator app turned on, as the pool records it now. */
async function mfaEnabledOf(username: string): Promise<boolean> {
  return hasSoftwareTokenMfa(await readUser(username));
}

/** What decides whether the user may act now: enabled, and with an authenticator app on. */
export interface SignInState {
  enabled: boolean;
  mfaEnabled: boolean;
}

/** The sign-in state as the pool records it now: one AdminGetUser answers both. */
export function signInStateFrom(user: AdminGetUserCommandOutput): SignInState {
  // AdminGetUser always names `Enabled`; were it ever missing, the user counts as disabled.
  return { enabled: user.Enabled ?? false, mfaEnabled: hasSoftwareTokenMfa(user) };
}

function toListedUser(user: UserType & { UserAttributes?: AttributeType[] }): ListedUser {
  const attributes = new Map(
    (user.Attributes ?? user.UserAttributes ?? []).map((a) => [a.Name, a.Value ?? '']),
  );
  const status = COGNITO_USER_STATUSES.find((s) => s === user.UserStatus) ?? 'CONFIRMED';
  return {
    username: user.Username ?? '',
    email: attributes.get('email') ?? '',
    emailVerified: attributes.get('email_verified') === 'true',
    name: attributes.get('name') ?? null,
    enabled: user.Enabled ?? true,
    status,
    createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
    updatedAt: (user.UserLastModifiedDate ?? user.UserCreateDate ?? new Date(0)).toISOString(),
  };
}

/**
 * A user just created (AdminCreateUser's own answer) and the groups they were added to: no
 * authenticator app yet. Read no further, so the answer cannot be throttled once they exist.
 */
export const createdUserDetail = (user: UserType, groups: readonly string[]): UserDetail => ({
  ...toListedUser(user),
  mfaEnabled: false,
  groups: [...groups].sort(),
});

/** MFA reads under way at once for one page of users. */
const MFA_READS_AT_ONCE = 5;

/**
 * Each listed user with their MFA state. Cognito's list operations do not return MFA
 * settings, so this costs one AdminGetUser per user on the page (up to 60), `MFA_READS_AT_ONCE`
 * at a time: a page of 20 is 20 reads in about 4 round trips. AdminGetUser counts toward the
 * account's UserRead request-rate quota, shared by every user pool in the Region (and by the
 * admin API's per-request access check), so a burst of large pages can be throttled: the SDK
 * retries TooManyRequestsException, and past its retries the page answers 429. A user deleted
 * between the list and the read is left out: they are no longer there to show.
 */
async function withMfaState(users: readonly ListedUser[]): Promise<UserSummary[]> {
  const summaries = await mapConcurrently(users, MFA_READS_AT_ONCE, async (user) => {
    try {
      return { ...user, mfaEnabled: await mfaEnabledOf(user.username) };
    } catch (error) {
      if (awsErrorName(error) === 'UserNotFoundException') return undefined;
      throw error;
    }
  });
  return summaries.filter((summary) => summary !== undefined);
}

const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

const STATUS_FILTERS: Record<
  UserStatusFilter,
  { filter: string; matches: (u: ListedUser) => boolean }
> = {
  enabled: { filter: 'status = "Enabled"', matches: (u) => u.enabled },
  disabled: { filter: 'status = "Disabled"', matches: (u) => !u.enabled },
  'force-change-password': {
    filter: 'cognito:user_status = "FORCE_CHANGE_PASSWORD"',
    matches: (u) => u.status === 'FORCE_CHANGE_PASSWORD',
  },
};

/** One attribute compared as Cognito's ListUsers `Filter` compares it. */
interface AttributeFilter {
  attribute: UserFilterAttribute;
  match: UserFilterMatch;
  value: string;
}

const attributeFilterOf = (query: ListUsersQuery): AttributeFilter | undefined =>
  query.attribute && query.value
    ? { attribute: query.attribute, match: query.match ?? 'prefix', value: query.value }
    : undefined;

/**
 * Compared in any case: ListUsers' API reference marks `cognito:user_status` case-insensitive,
 * and e-mail addresses are searched in any case (the developer guide). Every other attribute
 * is compared exactly, as `username` is documented to be (the local user pool does the same).
 */
const CASE_INSENSITIVE: ReadonlySet<UserFilterAttribute> = new Set([
  'email',
  'cognito:user_status',
]);

/** As ListUsers' `Filter`: `name ^= "value"` (starts with) or `name = "value"` (equals). */
function cognitoFilter({ attribute, match, value }: AttributeFilter): string {
  const operator = match === 'exact' ? '=' : '^=';
  // E-mail is searched in any case (CASE_INSENSITIVE): sent in lower case, as it always was.
  const wanted = attribute === 'email' ? value.toLowerCase() : value;
  return `${attribute} ${operator} ${quoted(wanted)}`;
}

/** The filter applied to a page Cognito could not filter (ListUsersInGroup takes none). */
function matchesAttribute(user: UserType, { attribute, match, value }: AttributeFilter): boolean {
  const actual =
    attribute === 'username'
      ? user.Username
      : attribute === 'cognito:user_status'
        ? user.UserStatus
        : user.Attributes?.find((a) => a.Name === attribute)?.Value;
  if (actual === undefined) return false;
  const fold = (text: string) => (CASE_INSENSITIVE.has(attribute) ? text.toLowerCase() : text);
  return match === 'exact' ? fold(actual) === fold(value) : fold(actual).startsWith(fold(value));
}

/** Cognito's pagination token is the cursor, passed through: one it refuses is the caller's. */
const refusedCursor =
  (cursor: string | undefined) =>
  (error: unknown): never => {
    if (cursor !== undefined && awsErrorName(error) === 'InvalidParameterException') {
      throw notACursor();
    }
    throw error;
  };

/** A page as Cognito listed it, before any filter the handler applies itself. */
interface RawPage {
  users: UserType[];
  next: string | undefined;
}

/**
 * One page of users. Cognito filters on one attribute only, and ListUsersInGroup on none:
 *
 * - without a group, the attribute filter goes to ListUsers (or, alone, the status does);
 *   with both, the status is applied to the page Cognito returns;
 * - with a group, ListUsersInGroup lists its members and the attribute and status filters are
 *   applied to each page.
 *
 * A filter applied here can leave a page short, so the handler reads on (each read asking only
 * for the users still missing, so none is skipped) until the page is full, the list ends, or
 * MAX_READS_PER_PAGE reads are spent: a page can still hold fewer than `limit` users, none
 * even, and have a `nextCursor` (Cognito's token for the rest of the list it read), so
 * following the cursors to the end finds every match, each once.
 */
export async function listUsers(query: ListUsersQuery): Promise<UserPage> {
  const status = query.status ? STATUS_FILTERS[query.status] : undefined;
  const attribute = attributeFilterOf(query);
  const applyAttribute = query.group !== undefined && attribute !== undefined;
  const applyStatus =
    status !== undefined && (query.group !== undefined || attribute !== undefined);
  const read = (cursor: string | undefined, limit: number) => {
    const pageQuery = { ...query, cursor, limit };
    return query.group
      ? listGroupPage(query.group, pageQuery)
      : listUsersPage(attribute ? cognitoFilter(attribute) : status?.filter, pageQuery);
  };
  const found: ListedUser[] = [];
  let cursor = query.cursor;
  for (let reads = 1; ; reads++) {
    const page = await read(cursor, query.limit - found.length);
    // Filtered before the MFA reads, so users not shown cost none.
    found.push(
      ...page.users
        .filter((user) => !applyAttribute || matchesAttribute(user, attribute))
        .map(toListedUser)
        .filter((user) => !applyStatus || status.matches(user)),
    );
    cursor = page.next;
    const filteredHere = applyAttribute || applyStatus;
    if (!filteredHere || !cursor || found.length >= query.limit || reads >= MAX_READS_PER_PAGE) {
      break;
    }
  }
  return { users: await withMfaState(found), nextCursor: cursor ?? null };
}

/**
 * Reads of Cognito one page of a list filtered here may take: bounded, as each is a call
 * against the account's UserList quota (30 a second), shared by every page anyone reads.
 */
const MAX_READS_PER_PAGE = 5;

async function listUsersPage(filter: string | undefined, query: ListUsersQuery): Promise<RawPage> {
  const page = await cognitoClient()
    .send(
      new ListUsersCommand({
        UserPoolId: userPoolId(),
        Limit: query.limit,
        PaginationToken: query.cursor,
        Filter: filter,
      }),
    )
    .catch(refusedCursor(query.cursor));
  return { users: page.Users ?? [], next: page.PaginationToken };
}

async function listGroupPage(group: GroupName, query: ListUsersQuery): Promise<RawPage> {
  const page = await cognitoClient()
    .send(
      new ListUsersInGroupCommand({
        UserPoolId: userPoolId(),
        GroupName: group,
        Limit: query.limit,
        NextToken: query.cursor,
      }),
    )
    .catch(refusedCursor(query.cursor));
  return { users: page.Users ?? [], next: page.NextToken };
}

export async function getUser(username: string): Promise<UserDetail> {
  const [user, groups] = await Promise.all([readUser(username), listGroupsOf(username)]);
  return { ...toListedUser(user), mfaEnabled: hasSoftwareTokenMfa(user), groups: groups.sort() };
}

/** Every group of the user: AdminListGroupsForUser answers a page at a time. */
export async function listGroupsOf(username: string): Promise<string[]> {
  const groups: string[] = [];
  let token: string | undefined;
  do {
    const page = await cognitoClient().send(
      new AdminListGroupsForUserCommand({
        UserPoolId: userPoolId(),
        Username: username,
        NextToken: token,
      }),
    );
    groups.push(...(page.Groups ?? []).map((g) => g.GroupName ?? ''));
    token = page.NextToken;
  } while (token);
  return groups;
}

export async function listAllGroups(): Promise<GroupType[]> {
  const groups: GroupType[] = [];
  let token: string | undefined;
  do {
    const page = await cognitoClient().send(
      new ListGroupsCommand({ UserPoolId: userPoolId(), NextToken: token }),
    );
    groups.push(...(page.Groups ?? []));
    token = page.NextToken;
  } while (token);
  return groups;
}

/** One page of a group's members, in Cognito's order. */
export async function listGroupMembers(
  group: string,
  query: { limit: number; cursor?: string | undefined },
): Promise<GroupMemberPage> {
  const page = await cognitoClient().send(
    new ListUsersInGroupCommand({
      UserPoolId: userPoolId(),
      GroupName: group,
      Limit: query.limit,
      NextToken: query.cursor,
    }),
  );
  return {
    users: (page.Users ?? []).map(toListedUser),
    nextCursor: page.NextToken ?? null,
  };
}

export async function countGroupMembers(group: string): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const page = await cognitoClient().send(
      new ListUsersInGroupCommand({ UserPoolId: userPoolId(), GroupName: group, NextToken: token }),
    );
    count += page.Users?.length ?? 0;
    token = page.NextToken;
  } while (token);
  return count;
}

export async function countUsers(): Promise<number> {
  let count = 0;
  let token: string | undefined;
  do {
    const page = await cognitoClient().send(
      new ListUsersCommand({ UserPoolId: userPoolId(), PaginationToken: token, Limit: 60 }),
    );
    count += page.Users?.length ?? 0;
    token = page.PaginationToken;
  } while (token);
  return count;
}
