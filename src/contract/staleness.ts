import { isAuditedAction } from './audit';
import { ROUTES, type RouteName } from './routes';

type Routes = typeof ROUTES;

/** The routes that change something: every method but GET. */
export type MutatingRouteName = {
  [K in RouteName]: Routes[K]['method'] extends 'GET' ? never : K;
}[RouteName];
/** The routes that only read. */
export type ReadRouteName = Exclude<RouteName, MutatingRouteName>;

/** A user's state and memberships, as every user screen shows them. */
const USER = ['listUsers', 'getUser', 'listGroupMembers'] as const;
/** A change of who is in a group also changes the groups' member counts. */
const MEMBERSHIP = [...USER, 'listGroups'] as const;
const ANNOUNCEMENTS = ['listAnnouncementsAdmin', 'listAnnouncements'] as const;

/**
 * The reads whose answer each mutating route can change. `satisfies` makes a mutating route
 * without an entry (or an entry naming a non-read) a type error here, where the route is added.
 */
const CHANGES = {
  inviteUser: MEMBERSHIP,
  deleteUser: MEMBERSHIP,
  disableUser: USER,
  enableUser: USER,
  resetUserPassword: USER,
  resetUserMfa: USER,
  addUserToGroup: MEMBERSHIP,
  removeUserFromGroup: MEMBERSHIP,
  postAnnouncement: ANNOUNCEMENTS,
  deleteAnnouncement: ANNOUNCEMENTS,
  updateMyProfile: ['getMyProfile'],
} as const satisfies Record<MutatingRouteName, readonly ReadRouteName[]>;

/**
 * What a successful call of `route` makes stale: the reads it changes and, for an audited
 * action (every admin mutation), the audit log. A client caching reads refreshes these.
 */
export function staleAfter(route: MutatingRouteName): readonly ReadRouteName[] {
  const changed: readonly ReadRouteName[] = CHANGES[route];
  return isAuditedAction(route) ? [...changed, 'listAudit'] : changed;
}

export function isMutatingRoute(name: RouteName): name is MutatingRouteName {
  return ROUTES[name].method !== 'GET';
}
