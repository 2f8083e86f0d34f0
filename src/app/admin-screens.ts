import { matchPath } from 'react-router';
import type { RouteName } from '@contract/routes';

/**
 * Where the admin screens are in the console: the links, redirects, navigation and route table
 * read these. They are the SPA's own addresses, not the admin API's routes, though they read
 * alike; the API's paths come only from `src/contract`.
 */
export const ADMIN_AREA = '/admin';

/** The admin screens the navigation lists, by their navigation label's key. */
export const ADMIN_SCREENS = {
  users: `${ADMIN_AREA}/users`,
  groups: `${ADMIN_AREA}/groups`,
  announcements: `${ADMIN_AREA}/announcements`,
  audit: `${ADMIN_AREA}/audit`,
} as const;

/** Route patterns of the screens about one user or one group. */
export const USER_SCREEN = `${ADMIN_SCREENS.users}/:username`;
export const GROUP_SCREEN = `${ADMIN_SCREENS.groups}/:group`;

/** One user's screen. */
export const userScreen = (username: string) =>
  `${ADMIN_SCREENS.users}/${encodeURIComponent(username)}`;
/** The audit log filtered to one import or bulk action (`BATCH_HEADER`'s id). */
export const auditOfBatch = (batch: string) =>
  `${ADMIN_SCREENS.audit}?batch=${encodeURIComponent(batch)}`;
/** One group's members. */
export const groupScreen = (group: string) =>
  `${ADMIN_SCREENS.groups}/${encodeURIComponent(group)}`;

/**
 * The admin route each screen reads first: a role that may not call it cannot use the screen,
 * so the navigation leaves it out and its guard explains. Most specific patterns first.
 */
const SCREEN_READS: ReadonlyArray<[pattern: string, route: RouteName]> = [
  [USER_SCREEN, 'getUser'],
  [GROUP_SCREEN, 'listGroupMembers'],
  [ADMIN_SCREENS.users, 'listUsers'],
  [ADMIN_SCREENS.groups, 'listGroups'],
  [ADMIN_SCREENS.announcements, 'listAnnouncementsAdmin'],
  [ADMIN_SCREENS.audit, 'listAudit'],
];

/** The route the admin screen at `pathname` reads; the Users screen's for any other address. */
export function screenRead(pathname: string): RouteName {
  return SCREEN_READS.find(([pattern]) => matchPath(pattern, pathname))?.[1] ?? 'listUsers';
}
