import { z } from 'zod';
import {
  announcement,
  announcementList,
  announcementParams,
  postAnnouncementBody,
} from './announcements';
import { auditPage, listAuditQuery } from './audit';
import type { GroupName } from './groups';
import { opsHealth, opsStats } from './ops';
import { profile, updateProfileBody } from './profile';
import {
  groupList,
  groupParams,
  inviteUserBody,
  listGroupMembersQuery,
  listUsersQuery,
  userDetail,
  userGroupParams,
  usernameParams,
  groupMemberPage,
  userPage,
  whoami,
} from './users';

/**
 * Every route of the product's three APIs, declared once. The SPA's typed clients, the CLI,
 * the Lambda handlers, the CDK app and the local gateway are all built from this list.
 */
export const API_NAMES = ['admin', 'general', 'ops'] as const;
export type ApiName = (typeof API_NAMES)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a route takes and answers; handlers parse with these, clients type with them. */
export interface RouteSchemas {
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** The body of its success answer. */
  readonly response: z.ZodType;
  /** The success status: 200 unless it creates (201) or answers nothing (204). */
  readonly status?: 200 | 201 | 204;
}

export interface RouteDefinition extends RouteSchemas {
  readonly api: ApiName;
  readonly method: HttpMethod;
  /** API Gateway resource path; `{name}` is a path parameter. */
  readonly path: string;
  /**
   * Admin API: the groups whose IAM role may `execute-api:Invoke` this route.
   * General API: the groups a signed-in caller must be in (empty: any signed-in user).
   */
  readonly groups: readonly GroupName[];
}

/** The method stays a literal type, so which routes read and which change is known to types. */
const route =
  <A extends ApiName>(api: A, groups: readonly GroupName[]) =>
  <M extends HttpMethod, S extends RouteSchemas>(method: M, path: string, schemas: S) =>
    ({ api, method, path, groups, ...schemas }) as const;
/** Admin routes only administrators may call, and those support staff (helpdesk) may call too. */
const admin = route('admin', ['admin']);
const support = route('admin', ['admin', 'helpdesk']);
const general = route('general', []);
const ops = route('ops', []);
const noContent = z.undefined();

export const ROUTES = {
  whoami: support('GET', '/admin/whoami', { response: whoami }),
  listUsers: support('GET', '/admin/users', { query: listUsersQuery, response: userPage }),
  inviteUser: admin('POST', '/admin/users', {
    body: inviteUserBody,
    response: userDetail,
    status: 201,
  }),
  getUser: support('GET', '/admin/users/{username}', {
    params: usernameParams,
    response: userDetail,
  }),
  deleteUser: admin('DELETE', '/admin/users/{username}', {
    params: usernameParams,
    response: noContent,
    status: 204,
  }),
  disableUser: support('POST', '/admin/users/{username}/disable', {
    params: usernameParams,
    response: userDetail,
  }),
  enableUser: support('POST', '/admin/users/{username}/enable', {
    params: usernameParams,
    response: userDetail,
  }),
  resetUserPassword: support('POST', '/admin/users/{username}/reset-password', {
    params: usernameParams,
    response: userDetail,
  }),
  /** Turns the user's authenticator app off and signs them out everywhere. */
  resetUserMfa: support('POST', '/admin/users/{username}/reset-mfa', {
    params: usernameParams,
    response: userDetail,
  }),
  addUserToGroup: admin('PUT', '/admin/users/{username}/groups/{group}', {
    params: userGroupParams,
    response: userDetail,
  }),
  removeUserFromGroup: admin('DELETE', '/admin/users/{username}/groups/{group}', {
    params: userGroupParams,
    response: userDetail,
  }),
  listGroups: support('GET', '/admin/groups', { response: groupList }),
  listGroupMembers: support('GET', '/admin/groups/{group}/users', {
    params: groupParams,
    query: listGroupMembersQuery,
    response: groupMemberPage,
  }),
  listAudit: support('GET', '/admin/audit', { query: listAuditQuery, response: auditPage }),
  listAnnouncementsAdmin: admin('GET', '/admin/announcements', { response: announcementList }),
  postAnnouncement: admin('POST', '/admin/announcements', {
    body: postAnnouncementBody,
    response: announcement,
    status: 201,
  }),
  deleteAnnouncement: admin('DELETE', '/admin/announcements/{id}', {
    params: announcementParams,
    response: noContent,
    status: 204,
  }),

  getMyProfile: general('GET', '/api/me', { response: profile }),
  updateMyProfile: general('PUT', '/api/me', { body: updateProfileBody, response: profile }),
  listAnnouncements: general('GET', '/api/announcements', { response: announcementList }),

  opsHealth: ops('GET', '/ops/health', { response: opsHealth }),
  opsStats: ops('GET', '/ops/stats', { response: opsStats }),
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof ROUTES;

/** The route an API Gateway event names by `resource` (REST) or path (HTTP API) and method. */
export function findRoute(
  api: ApiName,
  method: string,
  resourcePath: string,
): [RouteName, RouteDefinition] | undefined {
  return routesOf(api).find(([, r]) => r.method === method && r.path === resourcePath);
}

export function routesOf(api: ApiName): Array<[RouteName, RouteDefinition]> {
  return (Object.entries(ROUTES) as Array<[RouteName, RouteDefinition]>).filter(
    ([, route]) => route.api === api,
  );
}

/** Fills `{name}` parameters, URI-encoding each value as one path segment. */
export function routePath(route: RouteDefinition, params: Record<string, string> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${route.path}`);
    return encodeURIComponent(value);
  });
}
