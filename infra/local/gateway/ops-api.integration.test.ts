import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPS_TOKEN_SECRET_NAME } from '../stack';
import { callAdmin } from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

const TOKEN = 'ops-token-for-the-tests-0123456789';

describe('the ops API behind its Lambda authorizer', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(undefined, { LOCAL_OPS_TOKEN: TOKEN });
  });
  afterAll(() => stack.stop());

  const get = (path: string, authorization?: string) =>
    fetch(`${stack.apiUrls.ops}${path}`, { headers: authorization ? { authorization } : {} });

  it('reads its token from Secrets Manager, where the stack put it', () => {
    expect(stack.secrets.get(OPS_TOKEN_SECRET_NAME).value).toBe(TOKEN);
  });

  it('answers health to the right token from an allowed address', async () => {
    const response = await get('/ops/health', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', time: expect.any(String) });
  });

  it('counts users, admins and admin actions in the last 24 hours', async () => {
    const { caller: admin } = await createMfaAdmin(stack);
    await callAdmin(stack, admin, 'POST', '/admin/announcements', {
      title: 'Counted',
      body: 'once',
    });
    const response = await get('/ops/stats', `Bearer ${TOKEN}`);
    expect(await response.json()).toEqual({
      // The seeded users and the administrator made above.
      users: stack.settings.seedUsers.length + 1,
      admins: 2,
      adminActionsLast24h: 1,
      generatedAt: expect.any(String),
    });
  });

  it('refuses a wrong token with 403 Forbidden', async () => {
    const response = await get('/ops/health', `Bearer ${TOKEN.slice(0, -1)}x`);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
  });

  it('refuses a request without a token with 401 Unauthorized, before asking the authorizer', async () => {
    const response = await get('/ops/health');
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  it('answers an unknown route 404 Not Found', async () => {
    const response = await get('/ops/secrets', `Bearer ${TOKEN}`);
    expect(response.status).toBe(404);
  });
});

describe('the ops API from an address outside the allowed CIDRs', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack(undefined, {
      LOCAL_OPS_TOKEN: TOKEN,
      LOCAL_OPS_ALLOWED_CIDRS: '10.0.0.0/8',
    });
  });
  afterAll(() => stack.stop());

  it('refuses even the right token with 403 Forbidden', async () => {
    const response = await fetch(`${stack.apiUrls.ops}/ops/health`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: 'Forbidden' });
  });
});
