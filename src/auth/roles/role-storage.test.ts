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
  const choice = { roleArn: 'arn:admin', sub: 'sub-ada', until: 1_000 };

  it('holds until its end, then is gone', () => {
    const choices = createRoleChoiceStore(memoryStorage());
    choices.set(choice);
    expect(choices.current('sub-ada', 999)).toEqual(choice);
    expect(choices.current('sub-ada', 1_000)).toBeUndefined();
  });

  it('is nobody else’s', () => {
    const choices = createRoleChoiceStore(memoryStorage());
    choices.set(choice);
    expect(choices.current('sub-eve', 0)).toBeUndefined();
    expect(choices.current(undefined, 0)).toBeUndefined();
  });

  it('ignores what it cannot read: no end, another version’s, or a tampered value', () => {
    const storage = memoryStorage();
    storage.setItem('console.roleChoice', '{"roleArn":"arn:admin","sub":"sub-ada"}');
    expect(createRoleChoiceStore(storage).current('sub-ada', 0)).toBeUndefined();
    storage.setItem('console.roleChoice', '{"roleArn":42}');
    expect(createRoleChoiceStore(storage).current('sub-ada', 0)).toBeUndefined();
    storage.setItem('console.roleChoice', 'not json');
    expect(createRoleChoiceStore(storage).current('sub-ada', 0)).toBeUndefined();
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
