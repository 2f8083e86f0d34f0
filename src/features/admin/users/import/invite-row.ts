import type { UserDetail } from '@contract';
import type { ApiClient } from '../../../../api/clients';
import { withThrottlePatience, type Sleep } from '../../../../api/throttle-patience';
import type { ImportRow } from './import-csv';

/**
 * One row's invitation, under the import's id. If Cognito throttled adding a group after the
 * user was created (the invitation then answers without it, never 429: see the invite
 * handler), the group is added here with `addUserToGroup`, which repeats safely, waiting out
 * throttling as the batch does. Nothing here throws 429 once the user exists, so the batch
 * never sends the invitation twice. A group still missing shows in the answer's `groups`.
 */
export async function inviteRow(
  api: ApiClient,
  row: ImportRow,
  { batch, signal, sleep }: { batch: string; signal: AbortSignal; sleep?: Sleep },
): Promise<UserDetail> {
  const invite = row.invite;
  if (!invite) throw new Error(`Row ${row.row} has problems and is not sent`);
  let user = await api('inviteUser', { body: invite }, { batch });
  for (const group of invite.groups.filter((g) => !user.groups.includes(g))) {
    try {
      user = await withThrottlePatience(
        () => api('addUserToGroup', { params: { username: user.username, group } }, { batch }),
        { signal, sleep },
      );
    } catch {
      // Told on the row: "Invited: not added to …".
    }
  }
  return user;
}
