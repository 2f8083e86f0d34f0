/**
 * The role a person switched to, kept for this tab only (sessionStorage): another tab, or the
 * next sign-in after it ends, acts with the least-privileged role again. `until` (epoch ms) is
 * when the first credentials of the switch expire: a switch lasts as long as they do.
 */
export interface RoleChoice {
  roleArn: string;
  until?: number;
}

export interface RoleChoiceStore {
  /** The choice, unless it has run out by `now`. */
  current(now: number): RoleChoice | undefined;
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
    current(now) {
      const choice = read();
      return choice && (choice.until === undefined || choice.until > now) ? choice : undefined;
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
  const { roleArn, until } = value as Record<string, unknown>;
  return typeof roleArn === 'string' && (until === undefined || typeof until === 'number');
}
