import { useQueryClient } from '@tanstack/react-query';
import { useRouteMutation, type RouteCall } from '../../../api/route-mutations';
import { routeQuery } from '../../../api/route-queries';
import type { GroupName, UserSummary } from '@contract';

export type UserAction =
  | 'disable'
  | 'enable'
  | 'resetPassword'
  | 'resetMfa'
  | 'remove'
  | { addTo: GroupName }
  | { removeFrom: GroupName };

export interface UserActionVariables {
  user: Pick<UserSummary, 'username' | 'email'>;
  action: UserAction;
}

type UserRoute =
  | 'disableUser'
  | 'enableUser'
  | 'resetUserPassword'
  | 'resetUserMfa'
  | 'deleteUser'
  | 'addUserToGroup'
  | 'removeUserFromGroup';

const ROUTE_OF = {
  disable: 'disableUser',
  enable: 'enableUser',
  resetPassword: 'resetUserPassword',
  resetMfa: 'resetUserMfa',
  remove: 'deleteUser',
} as const satisfies Record<Extract<UserAction, string>, UserRoute>;

/** The route an action on a user calls, with its input. */
function userActionCall({ user: { username }, action }: UserActionVariables): RouteCall<UserRoute> {
  if (typeof action === 'string') {
    return { route: ROUTE_OF[action], input: { params: { username } } };
  }
  if ('addTo' in action) {
    return { route: 'addUserToGroup', input: { params: { username, group: action.addTo } } };
  }
  return {
    route: 'removeUserFromGroup',
    input: { params: { username, group: action.removeFrom } },
  };
}

/**
 * One mutation for every action on a user, so a screen shows one busy state, one error and
 * which action finished. What each action makes stale is the contract's to say.
 */
export function useUserAction() {
  const queryClient = useQueryClient();
  return useRouteMutation(userActionCall, {
    onSuccess: (_answer, { user, action }) => {
      // A deleted user's page has nothing to read again: forget it rather than ask for a 404.
      if (action === 'remove') {
        queryClient.removeQueries(routeQuery('getUser', { params: { username: user.username } }));
      }
    },
  });
}
