import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useAdminApi } from '../../../api/api-context';
import type { UserDetail } from '../../../contract';

/** Query keys of what a user change can make stale. */
export const USERS_KEY = ['admin', 'users'] as const;
export const userKey = (username: string) => ['admin', 'user', username] as const;
const STALE_AFTER_USER_CHANGE = [USERS_KEY, ['admin', 'groups'], ['admin', 'audit']] as const;

/** Refetches what a change to the pool's users makes stale: user lists, groups, audit log. */
export function refreshAfterUserChange(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    STALE_AFTER_USER_CHANGE.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

export type UserAction =
  | 'disable'
  | 'enable'
  | 'resetPassword'
  | 'remove'
  | { addTo: 'admin' | 'general' }
  | { removeFrom: 'admin' | 'general' };

/**
 * One mutation for every action on a user: runs it, puts the user's new state in the cache
 * (or drops a deleted one), and refetches the lists it changes, so the table updates in place.
 */
export function useUserAction() {
  const admin = useAdminApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      user,
      action,
    }: {
      user: UserDetail | { username: string };
      action: UserAction;
    }) => {
      const { username } = user;
      if (action === 'disable') return admin.users.disable(username);
      if (action === 'enable') return admin.users.enable(username);
      if (action === 'resetPassword') return admin.users.resetPassword(username);
      if (action === 'remove') return admin.users.remove(username);
      if ('addTo' in action) return admin.users.addToGroup(username, action.addTo);
      return admin.users.removeFromGroup(username, action.removeFrom);
    },
    onSuccess: async (result, { user }) => {
      if (result) queryClient.setQueryData(userKey(user.username), result);
      else queryClient.removeQueries({ queryKey: userKey(user.username) });
      await refreshAfterUserChange(queryClient);
    },
  });
}
