import type { GroupName } from './groups';

/**
 * Every route of the product's three APIs, declared once. The SPA's typed clients, the CLI,
 * the Lambda handlers, the CDK app and the local gateway are all built from this list.
 */
export const API_NAMES = ['admin', 'general', 'ops'] as const;
export type ApiName = (typeof API_NAMES)[number];

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteDefinition {
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

const admin = (method: HttpMethod, path: string): RouteDefinition => ({
  api: 'admin',
  method,
  path,
  groups: ['admin'],
});
const general = (method: HttpMethod, path: string): RouteDefinition => ({
  api: 'general',
  method,
  path,
  groups: [],
});
const ops = (method: HttpMethod, path: string): RouteDefinition => ({
  api: 'ops',
  method,
  path,
  groups: [],
});

export const ROUTES = {
  whoami: admin('GET', '/admin/whoami'),
  listUsers: admin('GET', '/admin/users'),
  inviteUser: admin('POST', '/admin/users'),
  getUser: admin('GET', '/admin/users/{username}'),
  deleteUser: admin('DELETE', '/admin/users/{username}'),
  disableUser: admin('POST', '/admin/users/{username}/disable'),
  enableUser: admin('POST', '/admin/users/{username}/enable'),
  resetUserPassword: admin('POST', '/admin/users/{username}/reset-password'),
  addUserToGroup: admin('PUT', '/admin/users/{username}/groups/{group}'),
  removeUserFromGroup: admin('DELETE', '/admin/users/{username}/groups/{group}'),
  listGroups: admin('GET', '/admin/groups'),
  listAudit: admin('GET', '/admin/audit'),
  listAnnouncementsAdmin: admin('GET', '/admin/announcements'),
  postAnnouncement: admin('POST', '/admin/announcements'),
  deleteAnnouncement: admin('DELETE', '/admin/announcements/{id}'),

  getMyProfile: general('GET', '/api/me'),
  updateMyProfile: general('PUT', '/api/me'),
  listAnnouncements: general('GET', '/api/announcements'),

  opsHealth: ops('GET', '/ops/health'),
  opsStats: ops('GET', '/ops/stats'),
} as const satisfies Record<string, RouteDefinition>;

export type RouteName = keyof typeof ROUTES;

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
