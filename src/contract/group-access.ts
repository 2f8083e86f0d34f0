import { GROUP_NAMES, GROUPS, type GroupName } from './groups';
import { ROUTES, routesOf, type RouteName } from './routes';

/** Whether a group's role may call a route (general-API routes: whether the group is enough). */
export function groupMayCall(group: GroupName, name: RouteName): boolean {
  const groups: readonly GroupName[] = ROUTES[name].groups;
  return ROUTES[name].api === 'admin'
    ? groups.includes(group)
    : groups.length === 0 || groups.includes(group);
}

/** The admin routes a group's role may call, in the contract's order. */
export function adminRoutesOf(group: GroupName): RouteName[] {
  return routesOf('admin')
    .filter(([, route]) => route.groups.includes(group))
    .map(([name]) => name);
}

/**
 * Groups whose role calls the admin API. Their members must use an authenticator app: the
 * admin function refuses them every route but `whoami` without one, and the console makes
 * them set one up at sign-in.
 */
export function callsAdminApi(group: GroupName): boolean {
  return adminRoutesOf(group).length > 0;
}

/**
 * The most privileged of a user's groups that has more rights (a lower precedence number) than
 * the role a caller acts as, or undefined when none does. A caller acts on nobody who outranks
 * that role: a helpdesk role may not disable or reset an administrator. The admin function
 * refuses such a call (403 `OutranksCaller`); the console uses it to explain before calling.
 * Names that are no group of the contract's are ignored.
 */
export function outrankingGroup(
  targetGroups: readonly string[],
  actingGroup: GroupName,
): GroupName | undefined {
  return GROUP_NAMES.filter((group) => targetGroups.includes(group))
    .filter((group) => GROUPS[group].precedence < GROUPS[actingGroup].precedence)
    .sort((a, b) => GROUPS[a].precedence - GROUPS[b].precedence)[0];
}
