import { useCallback } from 'react';
import { groupMayCall } from '@contract/group-access';
import type { RouteName } from '@contract/routes';
import { useSession } from './session-context';

/**
 * Whether the role the console acts as may call a route, by the contract: what decides which
 * screens, buttons and actions are offered. IAM (and the admin function) still decide for real.
 */
export function useMayCall(): (name: RouteName) => boolean {
  const { state } = useSession();
  const group = state.status === 'signedIn' ? state.details.actingGroup : undefined;
  return useCallback(
    (name: RouteName) => group !== undefined && groupMayCall(group, name),
    [group],
  );
}
