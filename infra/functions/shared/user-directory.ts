import {
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  ListGroupsCommand,
  ListUsersCommand,
  ListUsersInGroupCommand,
  type AttributeType,
  type GroupType,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  COGNITO_USER_STATUSES,
  type ListUsersQuery,
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

/** Reads of the user pool the admin and ops functions share. */
const userPoolId = () => requireEnv('USER_POOL_ID');

/** What each read sends to the user pool (see `access.ts`). */
export const USER_DIRECTORY_ACCESS = {
  listUsers: userPoolAccess('cognito-idp:ListUsers'),
  getUser: userPoolAccess('cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'),
  listAllGroups: userPoolAccess('cognito-idp:ListGroups'),
  listGroupMembers: userPoolAccess('cognito-idp:ListUsersInGroup'),
  countGroupMembers: userPoolAccess('cognito-idp:ListUsersInGroup'),
  countUsers: userPoolAccess('cognito-idp:ListUsers'),
  listGroupsOf: userPoolAccess('cognito-idp:AdminListGroupsForUser'),
} as const;

export function toUserSummary(user: UserType & { UserAttributes?: AttributeType[] }): UserSummary {
  const attributes = new Map(
    (user.Attributes ?? user.UserAttributes ?? []).map((a) => [a.Name, a.Value ?? '']),
  );
  const status = COGNITO_USER_STATUSES.find((s) => s === user.UserStatus) ?? 'CONFIRMED';
  return {
    username: user.Username ?? '',
    email: attributes.get('email') ?? '',
    emailVerified: attributes.get('email_verified') === 'true',
    enabled: user.Enabled ?? true,
    status,
    createdAt: (user.UserCreateDate ?? new Date(0)).toISOString(),
    updatedAt: (user.UserLastModifiedDate ?? user.UserCreateDate ?? new Date(0)).toISOString(),
  };
}

const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

const STATUS_FILTERS: Record<
  UserStatusFilter,
  { filter: string; matches: (u: UserSummary) => boolean }
> = {
  enabled: { filter: 'status = "Enabled"', matches: (u) => u.enabled },
  disabled: { filter: 'status = "Disabled"', matches: (u) => !u.enabled },
  'force-change-password': {
    filter: 'cognito:user_status = "FORCE_CHANGE_PASSWORD"',
    matches: (u) => u.status === 'FORCE_CHANGE_PASSWORD',
  },
};

/**
 * One page of users. ListUsers filters on one attribute only, so with both an e-mail prefix
 * and a status the prefix goes to Cognito and the status is applied to the page it returns
 * (a page can then hold fewer than `limit`; the cursor still continues it).
 */
export async function listUsers(query: ListUsersQuery): Promise<UserPage> {
  const status = query.status ? STATUS_FILTERS[query.status] : undefined;
  const filter = query.email ? `email ^= ${quoted(query.email.toLowerCase())}` : status?.filter;
  const page = await cognitoClient()
    .send(
      new ListUsersCommand({
        UserPoolId: userPoolId(),
        Limit: query.limit,
        PaginationToken: query.cursor,
        Filter: filter,
      }),
    )
    .catch((error: unknown) => {
      // The cursor is Cognito's pagination token, passed through: one it refuses is the caller's.
      if (query.cursor !== undefined && awsErrorName(error) === 'InvalidParameterException') {
        throw notACursor();
      }
      throw error;
    });
  let users = (page.Users ?? []).map(toUserSummary);
  if (query.email && status) users = users.filter(status.matches);
  return { users, nextCursor: page.PaginationToken ?? null };
}

export async function getUser(username: string): Promise<UserDetail> {
  const [user, groups] = await Promise.all([
    cognitoClient().send(new AdminGetUserCommand({ UserPoolId: userPoolId(), Username: username })),
    listGroupsOf(username),
  ]);
  return { ...toUserSummary(user), groups: groups.sort() };
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
): Promise<UserPage> {
  const page = await cognitoClient().send(
    new ListUsersInGroupCommand({
      UserPoolId: userPoolId(),
      GroupName: group,
      Limit: query.limit,
      NextToken: query.cursor,
    }),
  );
  return { users: (page.Users ?? []).map(toUserSummary), nextCursor: page.NextToken ?? null };
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
