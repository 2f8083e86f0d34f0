/**
 * The role a person switched to, kept for this tab only (sessionStorage): another tab, and the
 * next sign-in, act with the least-privileged role again. A choice belongs to one user (`sub`)
 * and ends at `until` (epoch ms), a little before the first credentials of the switch expire:
 * a choice without an end, or someone else's, counts for nothing.
 */
export interface RoleChoice {
  roleArn: string;
  /** The ID token's `sub` of the user who switched. */
  sub: string;
  until: number;
}

export interface RoleChoiceStore {
  /** `sub`'s choice, unless it has run out by `now`. */
  current(sub: string | undefined, now: number): RoleChoice | undefined;
  set(choice: RoleChoice | undefined): void;
}

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'console.roleChoice';

export function createRoleChoiceStore(storage: KeyValue | undefined): RoleChoiceStore {
  let memory: RoleChoice | undefined;
  const read = (): RoleChoice | undefined => {
    if (!storage) return memory;
    try {
      const parsed = JSON.parse(storage.getItem(KEY) ?? 'null') as unknown;
      return isChoice(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    current(sub, now) {
      const choice = read();
      return choice && sub !== undefined && choice.sub === sub && choice.until > now
        ? choice
        : undefined;
    },
    set(choice) {
      memory = choice;
      if (!storage) return;
      if (choice) storage.setItem(KEY, JSON.stringify(choice));
      else storage.removeItem(KEY);
    },
  };
}

function isChoice(value: unknown): value is RoleChoice {
  if (typeof value !== 'object' || value === null) return false;
  const { roleArn, sub, until } = value as Record<string, unknown>;
  return typeof roleArn === 'string' && typeof sub === 'string' && typeof until === 'number';
}
