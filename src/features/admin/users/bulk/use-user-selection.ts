import { useCallback, useMemo, useState } from 'react';
import type { UserSummary } from '@contract';

const NONE: ReadonlyMap<string, UserSummary> = new Map();

/**
 * The Users table's selection, kept by username across the list's pages, as the AWS console's
 * tables keep theirs: tick some on page 1, go on to page 2 and tick more, and an action takes
 * them all. The screen clears it when the filter changes (what was ticked may no longer
 * match, and unseen rows would be acted on).
 *
 * `selected(onScreen)` lists the selection in the order it was made, each user as the page
 * on screen now shows them where it does (after a bulk disable, their new state), else as
 * they were when ticked.
 */
export function useUserSelection() {
  const [chosen, setChosen] = useState(NONE);

  /** The table's new selection (Cloudscape hands back every selected item, on any page). */
  const replace = useCallback(
    (users: readonly UserSummary[]) =>
      setChosen(new Map(users.map((user) => [user.username, user]))),
    [],
  );
  const clear = useCallback(() => setChosen(NONE), []);
  const selected = useCallback(
    (onScreen: readonly UserSummary[]) => {
      const fresh = new Map(onScreen.map((user) => [user.username, user]));
      return [...chosen.values()].map((user) => fresh.get(user.username) ?? user);
    },
    [chosen],
  );
  return useMemo(
    () => ({ count: chosen.size, selected, replace, clear }),
    [chosen.size, selected, replace, clear],
  );
}
