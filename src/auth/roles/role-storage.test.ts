import { describe, expect, it } from 'vitest';
import { createPendingSwitchStore, PENDING_SWITCH_LIFETIME_MS } from './pending-switch';
import { createRoleChoiceStore } from './role-choice';

/** sessionStorage's three calls over a Map. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('the role a tab switched to', () => {
  it('holds until its credentials’ expiry, then is gone', () => {
    const choices = createRoleChoiceStore(memoryStorage());
    choices.set({ roleArn: 'arn:admin', until: 1_000 });
    expect(choices.current(999)).toEqual({ roleArn: 'arn:admin', until: 1_000 });
    expect(choices.current(1_000)).toBeUndefined();
  });

  it('ignores what it cannot read (another version’s or a tampered value)', () => {
    const storage = memoryStorage();
    storage.setItem('console.roleChoice', '{"roleArn":42}');
    expect(createRoleChoiceStore(storage).current(0)).toBeUndefined();
    storage.setItem('console.roleChoice', 'not json');
    expect(createRoleChoiceStore(storage).current(0)).toBeUndefined();
  });
});

describe('a switch waiting for its fresh sign-in', () => {
  const pending = { roleArn: 'arn:admin', email: 'Ada@example.com', requestedAt: 10_000 };

  it('is taken up once, by the same person, while fresh', () => {
    const store = createPendingSwitchStore(memoryStorage());
    store.put(pending);
    expect(store.take('ada@example.com', 20_000)).toEqual(pending);
    expect(store.take('ada@example.com', 20_000)).toBeUndefined();
  });

  it('is dropped for someone else, or once stale', () => {
    const store = createPendingSwitchStore(memoryStorage());
    store.put(pending);
    expect(store.take('eve@example.com', 20_000)).toBeUndefined();
    store.put(pending);
    expect(store.take('ada@example.com', 10_000 + PENDING_SWITCH_LIFETIME_MS + 1)).toBeUndefined();
  });
});
