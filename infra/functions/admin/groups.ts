import { GROUPS, isGroupName } from '@contract';
import type { RouteHandlers } from '../shared/rest-handler';
import { countGroupMembers, listAllGroups, listGroupMembers } from '../shared/user-directory';

export const groupHandlers: Pick<RouteHandlers<'admin'>, 'listGroups' | 'listGroupMembers'> = {
  /** The pool's groups as deployed (role, precedence), with member counts. */
  listGroups: async () => {
    const groups = await listAllGroups();
    const summaries = await Promise.all(
      groups.map(async (group) => {
        const name = group.GroupName ?? '';
        return {
          name,
          description: group.Description ?? (isGroupName(name) ? GROUPS[name].description : ''),
          precedence: group.Precedence ?? null,
          roleArn: group.RoleArn ?? null,
          memberCount: await countGroupMembers(name),
        };
      }),
    );
    return {
      groups: summaries.sort(
        (a, b) =>
          (a.precedence ?? Infinity) - (b.precedence ?? Infinity) || a.name.localeCompare(b.name),
      ),
    };
  },

  listGroupMembers: ({ params, query }) => listGroupMembers(params.group, query),
};
