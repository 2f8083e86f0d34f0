import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, routePath, type RouteName } from '@contract';
import { callAdmin, type SignedInCaller } from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/**
 * A disabled administrator's identity-pool credentials stay valid for up to an hour after the
 * disabling: with them they must read nothing, not only change nothing (issue 15).
 */
let stack: TestStack;
let admin: SignedInCaller;
let disabled: SignedInCaller;

beforeAll(async () => {
  stack = await startTestStack();
  [admin, disabled] = await Promise.all([
    createMfaAdmin(stack).then(({ caller }) => caller),
    createMfaAdmin(stack).then(({ caller }) => caller),
  ]);
});
afterAll(() => stack.stop());

/** `caller` calls the admin route `name` (a read: no body). */
const call = (caller: SignedInCaller, name: RouteName, params: Record<string, string> = {}) =>
  callAdmin(stack, caller, ROUTES[name].method, routePath(ROUTES[name], params));

describe('an administrator disabled by another, credentials still in hand', () => {
  it('is refused the Users list, a user and the audit log: 403 AccessRevoked', async () => {
    // The same credentials read the Users list before the disabling.
    expect((await call(disabled, 'listUsers')).status).toBe(200);

    const disabling = await call(admin, 'disableUser', { username: disabled.username });
    expect(disabling).toMatchObject({ status: 200, body: { enabled: false } });

    const revoked = {
      status: 403,
      body: {
        message: 'Your administrator access was removed; sign in again.',
        code: 'AccessRevoked',
      },
    };
    expect(await call(disabled, 'listUsers')).toMatchObject(revoked);
    expect(await call(disabled, 'getUser', { username: admin.username })).toMatchObject(revoked);
    expect(await call(disabled, 'listAudit')).toMatchObject(revoked);
  });
});
