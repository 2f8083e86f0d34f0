/**
 * A switch to a more privileged role waits for a fresh sign-in with the authenticator app's
 * code. It is kept for this tab (sessionStorage), for that person, for a few minutes: a
 * sign-in much later, or by someone else, or without a code, does not pick it up.
 */
export interface PendingSwitch {
  roleArn: string;
  email: string;
  requestedAt: number;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'console.pendingRoleSwitch';
export const PENDING_SWITCH_LIFETIME_MS = 10 * 60_000;

export function createPendingSwitchStore(storage: KeyValue | undefined) {
  let memory: string | null = null;
  const get = () => (storage ? storage.getItem(KEY) : memory);
  const remove = () => (storage ? storage.removeItem(KEY) : (memory = null));
  return {
    put(pending: PendingSwitch) {
      const text = JSON.stringify(pending);
      if (storage) storage.setItem(KEY, text);
      else memory = text;
    },
    /** The pending switch for `email`, if still fresh; removed either way. */
    take(email: string, now: number): PendingSwitch | undefined {
      const text = get();
      remove();
      try {
        const pending = JSON.parse(text ?? 'null') as Partial<PendingSwitch> | null;
        if (
          typeof pending?.roleArn !== 'string' ||
          typeof pending.requestedAt !== 'number' ||
          pending.email?.toLowerCase() !== email.toLowerCase() ||
          now - pending.requestedAt > PENDING_SWITCH_LIFETIME_MS
        ) {
          return undefined;
        }
        return pending as PendingSwitch;
      } catch {
        return undefined;
      }
    },
    /** The role a sign-in in progress is for (shown on the sign-in screen). */
    peek(): PendingSwitch | undefined {
      try {
        return (JSON.parse(get() ?? 'null') as PendingSwitch | null) ?? undefined;
      } catch {
        return undefined;
      }
    },
  };
}
