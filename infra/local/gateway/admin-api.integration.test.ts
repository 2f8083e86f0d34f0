import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDITED_ACTIONS,
  BATCH_HEADER,
  DRY_RUN_HEADER,
  ROUTES,
  routePath,
  routesOf,
  type AuditEntry,
} from '@contract';
import {
  callAdmin,
  SEEDED_USER,
  signedFetch,
  signIn,
  type Json,
  type SignedInCaller,
} from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

let stack: TestStack;
let admin: SignedInCaller;
let general: SignedInCaller;

beforeAll(async () => {
  stack = await startTestStack();
  [admin, general] = await Promise.all([
    createMfaAdmin(stack, { groups: ['admin', 'general'] }).then(({ caller }) => caller),
    signIn(stack, SEEDED_USER),
  ]);
});
afterAll(() => stack.stop());

const as = (caller: SignedInCaller) => ({
  get: (path: string) => callAdmin(stack, caller, 'GET', path),
  post: (path: string, body?: unknown) => callAdmin(stack, caller, 'POST', path, body ?? {}),
  put: (path: string) => callAdmin(stack, caller, 'PUT', path),
  delete: (path: string) => callAdmin(stack, caller, 'DELETE', path),
});

/** The audit entries written since `before` (newest first), by reading the admin API itself. */
async function auditSince(before: string): Promise<AuditEntry[]> {
  const { body } = await as(admin).get('/admin/audit?limit=100');
  return (body.entries as AuditEntry[]).filter((e) => e.at >= before);
}

async function invite(email: string, groups: string[] = ['general']): Promise<Json> {
  const response = await as(admin).post('/admin/users', { email, groups });
  expect(response.status).toBe(201);
  return response.body;
}

describe('the admin API as the general group', () => {
  it('answers every admin route 403 AccessDeniedException with IAM’s message', async () => {
    for (const [, route] of routesOf('admin')) {
      const path = routePath(route, {
        username: general.username,
        group: 'general',
        id: '0000000000abcdefgh',
      });
      const response = await callAdmin(
        stack,
        general,
        route.method,
        path,
        route.body ? {} : undefined,
      );
      expect(response.status, `${route.method} ${route.path}`).toBe(403);
      expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
      expect(response.body).toEqual({
        Message: `User: arn:aws:sts::000000000000:assumed-role/ConsoleGeneralRole/CognitoIdentityCredentials is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:********0000:${stack.apiIds.adminApiId}/local/${route.method}${path}`,
      });
    }
  });

  it('changes nothing when it is denied', async () => {
    await as(general).post('/admin/announcements', { title: 'sneaky', body: 'should not appear' });
    const { body } = await as(admin).get('/admin/announcements');
    expect(body.announcements.map((a: Json) => a.title)).not.toContain('sneaky');
  });
});

describe('the admin API as the admin group', () => {
  it('says who the caller is, as the gateway saw them', async () => {
    const { status, body } = await as(admin).get('/admin/whoami');
    expect(status).toBe(200);
    expect(body).toEqual({
      identityId: admin.identityId,
      callerArn:
        'arn:aws:sts::000000000000:assumed-role/ConsoleAdminRole/CognitoIdentityCredentials',
      accessKeyId: admin.credentials.accessKeyId,
      username: admin.username,
      sourceIp: '127.0.0.1',
      credentialExpiry: null,
    });
  });

  it('invites a user: the invitation with a temporary password goes out, one audit entry', async () => {
    const before = new Date().toISOString();
    const user = await invite('invitee@example.com', ['general']);
    expect(user).toMatchObject({
      email: 'invitee@example.com',
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      groups: ['general'],
    });
    const [mail] = stack.outbox.list('invitee@example.com');
    expect(mail?.body).toMatch(/temporary password is \S+/);
    const entries = await auditSince(before);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'inviteUser',
      actor: { username: admin.username, email: admin.email },
      target: 'invitee@example.com',
      outcome: 'success',
    });
  });

  it('refuses a second invitation for the same address with 409 and records the failure', async () => {
    await invite('twice@example.com');
    const before = new Date().toISOString();
    const again = await as(admin).post('/admin/users', { email: 'twice@example.com' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'UsernameExistsException' });
    expect(await auditSince(before)).toMatchObject([{ action: 'inviteUser', outcome: 'failure' }]);
  });

  it('lists users a page at a time, filtered by e-mail prefix and by status', async () => {
    for (const n of [1, 2, 3]) await invite(`page${n}@example.com`);
    const first = await as(admin).get('/admin/users?limit=2&attribute=email&value=page');
    expect(first.status).toBe(200);
    expect(first.body.users).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await as(admin).get(
      `/admin/users?limit=2&attribute=email&value=page&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    const emails = [...first.body.users, ...second.body.users].map((u: Json) => u.email).sort();
    expect(emails).toEqual(['page1@example.com', 'page2@example.com', 'page3@example.com']);

    const pending = await as(admin).get('/admin/users?limit=60&status=force-change-password');
    expect(pending.body.users.every((u: Json) => u.status === 'FORCE_CHANGE_PASSWORD')).toBe(true);
    expect(pending.body.users.map((u: Json) => u.email)).not.toContain(admin.email);
  });

  it('gets a user with their groups, by username or e-mail', async () => {
    const byName = await as(admin).get(`/admin/users/${general.username}`);
    expect(byName.body).toMatchObject({ email: 'user@example.com', groups: ['general'] });
    const byEmail = await as(admin).get('/admin/users/user%40example.com');
    expect(byEmail.body.username).toBe(general.username);
    const missing = await as(admin).get('/admin/users/nobody%40example.com');
    expect(missing.status).toBe(404);
  });

  it('disables, enables, resets the password, moves groups and deletes, each audited once', async () => {
    const user = await invite('lifecycle@example.com');
    const path = `/admin/users/${user.username}`;
    const before = new Date().toISOString();

    expect((await as(admin).post(`${path}/disable`)).body.enabled).toBe(false);
    expect((await as(admin).post(`${path}/enable`)).body.enabled).toBe(true);
    expect((await as(admin).post(`${path}/reset-password`)).status).toBe(200);
    // Never signed in: the reset is a fresh invitation with a new temporary password.
    expect(stack.outbox.list('lifecycle@example.com')).toHaveLength(2);
    expect((await as(admin).put(`${path}/groups/admin`)).body.groups).toEqual(['admin', 'general']);
    expect((await as(admin).delete(`${path}/groups/admin`)).body.groups).toEqual(['general']);
    expect((await as(admin).delete(path)).status).toBe(204);
    expect((await as(admin).get(path)).status).toBe(404);

    const entries = await auditSince(before);
    expect(entries.map((e) => e.action).reverse()).toEqual([
      'disableUser',
      'enableUser',
      'resetUserPassword',
      'addUserToGroup',
      'removeUserFromGroup',
      'deleteUser',
    ]);
    expect(entries.every((e) => e.outcome === 'success')).toBe(true);
    expect(entries.every((e) => e.target.startsWith('lifecycle@example.com'))).toBe(true);
  });

  it('resets a confirmed user’s password: they must choose a new one with a mailed code', async () => {
    await stack.idp.send(
      new AdminCreateUserCommand({
        UserPoolId: stack.userPool.id,
        Username: 'confirmed@example.com',
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
        MessageAction: 'SUPPRESS',
      }),
    );
    await stack.idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: stack.userPool.id,
        Username: 'confirmed@example.com',
        Password: 'Confirmed-Passw0rd!',
        Permanent: true,
      }),
    );
    const reset = await as(admin).post('/admin/users/confirmed%40example.com/reset-password');
    expect(reset.body.status).toBe('RESET_REQUIRED');
    expect(stack.outbox.list('confirmed@example.com')[0]?.body).toMatch(/code/i);
  });

  it('lists the groups with their roles and member counts', async () => {
    const { body } = await as(admin).get('/admin/groups');
    expect(body.groups.map((g: Json) => [g.name, g.precedence, g.roleArn])).toEqual([
      ['admin', 1, 'arn:aws:iam::000000000000:role/ConsoleAdminRole'],
      ['helpdesk', 5, 'arn:aws:iam::000000000000:role/ConsoleHelpdeskRole'],
      ['general', 10, 'arn:aws:iam::000000000000:role/ConsoleGeneralRole'],
    ]);
    expect(body.groups[0].memberCount).toBeGreaterThanOrEqual(1);
  });

  it('lists a group’s members a page at a time', async () => {
    const { body: groups } = await as(admin).get('/admin/groups');
    const adminCount = groups.groups[0].memberCount as number;
    await invite(`second-admin-${Date.now()}@example.com`, ['admin']);
    const first = await as(admin).get('/admin/groups/admin/users?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.users).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await as(admin).get(
      `/admin/groups/admin/users?limit=60&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    const emails = [...first.body.users, ...rest.body.users].map((u: Json) => u.email);
    expect(emails).toHaveLength(adminCount + 1);
    expect(emails).toContain(admin.email);
    const unknown = await as(admin).get('/admin/groups/owners/users');
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('path.group');
  });

  it('posts, lists and deletes announcements, newest first', async () => {
    const first = await as(admin).post('/admin/announcements', { title: 'First', body: 'one' });
    const second = await as(admin).post('/admin/announcements', { title: 'Second', body: 'two' });
    expect(first.status).toBe(201);
    expect(second.body).toMatchObject({
      title: 'Second',
      body: 'two',
      author: admin.email,
    });
    const listed = await as(admin).get('/admin/announcements');
    const titles = listed.body.announcements.map((a: Json) => a.title);
    expect(titles.indexOf('Second')).toBeLessThan(titles.indexOf('First'));

    expect((await as(admin).delete(`/admin/announcements/${first.body.id}`)).status).toBe(204);
    const again = await as(admin).delete(`/admin/announcements/${first.body.id}`);
    expect(again.status).toBe(404);
  });

  it('pages the audit log newest first and filters it by actor and action', async () => {
    const all = await as(admin).get('/admin/audit?limit=3');
    expect(all.body.entries).toHaveLength(3);
    const next = await as(admin).get(
      `/admin/audit?limit=3&cursor=${encodeURIComponent(all.body.nextCursor)}`,
    );
    expect(next.body.entries[0].at <= all.body.entries[2].at).toBe(true);
    expect(next.body.entries[0].id).not.toBe(all.body.entries[2].id);

    // The actor filter matches the e-mail whatever its case.
    const posts = await as(admin).get(
      `/admin/audit?action=postAnnouncement&actor=${encodeURIComponent(admin.email.toUpperCase())}`,
    );
    expect(posts.body.entries.length).toBeGreaterThan(0);
    expect(posts.body.entries.every((e: Json) => e.action === 'postAnnouncement')).toBe(true);
    const nobody = await as(admin).get('/admin/audit?actor=nobody@example.com');
    expect(nobody.body).toEqual({ entries: [], nextCursor: null });
  });

  it('records the import a call belongs to, and filters the audit log to it', async () => {
    const batch = crypto.randomUUID();
    const inBatch = (method: string, path: string, body?: unknown) =>
      signedFetch(`${stack.apiUrls.admin}${path}`, admin.credentials, {
        method,
        headers: {
          [BATCH_HEADER]: batch.toUpperCase(),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    const email = `batch-${Date.now()}@example.com`;
    expect((await inBatch('POST', '/admin/users', { email, groups: [] })).status).toBe(201);
    expect((await inBatch('POST', '/admin/users', { email, groups: [] })).status).toBe(409);
    await invite(`not-in-batch-${Date.now()}@example.com`);

    const { body } = await as(admin).get(`/admin/audit?batch=${batch}`);
    expect(body.entries).toMatchObject([
      { action: 'inviteUser', target: email, outcome: 'failure', batch },
      { action: 'inviteUser', target: email, outcome: 'success', batch },
    ]);
    // An id is one id in any case, in the header and in the filter.
    const upper = await as(admin).get(`/admin/audit?batch=${batch.toUpperCase()}`);
    expect(upper.body.entries).toEqual(body.entries);
    const notAnId = await as(admin).get('/admin/audit?batch=import-1');
    expect(notAnId.status).toBe(400);
  });

  it('refuses a batch id that is not a UUID before doing anything', async () => {
    const email = `bad-batch-${Date.now()}@example.com`;
    const before = new Date().toISOString();
    const response = await signedFetch(`${stack.apiUrls.admin}/admin/users`, admin.credentials, {
      method: 'POST',
      headers: { [BATCH_HEADER]: 'x" OR 1=1', 'content-type': 'application/json' },
      body: JSON.stringify({ email, groups: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: `${BATCH_HEADER} must be a UUID.` });
    expect(await auditSince(before)).toEqual([]);
    const found = await as(admin).get(
      `/admin/users?attribute=email&match=exact&value=${encodeURIComponent(email)}`,
    );
    expect(found.body.users).toEqual([]);
  });

  it('audits exactly the mutating routes', () => {
    const mutating = routesOf('admin')
      .filter(([, r]) => r.method !== 'GET')
      .map(([name]) => name)
      .sort();
    expect(mutating).toEqual([...AUDITED_ACTIONS].sort());
  });
});

describe('a dry run (the Access screen’s probe)', () => {
  const dryRun = (caller: SignedInCaller, method: string, path: string) =>
    signedFetch(`${stack.apiUrls.admin}${path}`, caller.credentials, {
      method,
      headers: { [DRY_RUN_HEADER]: 'true' },
    });

  it('answers 204 to an admin for every admin route, and does nothing', async () => {
    const target = await invite(`dry-run-${Date.now()}@example.com`);
    const before = new Date().toISOString();
    for (const [, route] of routesOf('admin')) {
      const path = routePath(route, { username: target.username, group: 'admin', id: 'x' });
      const response = await dryRun(admin, route.method, path);
      expect(response.status, `${route.method} ${route.path}`).toBe(204);
    }
    const user = await as(admin).get(routePath(ROUTES.getUser, { username: target.username }));
    expect(user.body).toMatchObject({ enabled: true, groups: ['general'] });
    expect(await auditSince(before)).toEqual([]);
  });

  it('is refused by IAM like the real call for a general user', async () => {
    const response = await dryRun(general, 'GET', ROUTES.listUsers.path);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  });
});

describe('an administrator cannot lock themself out', () => {
  it.each([
    ['disable', 'POST', '/disable'],
    ['delete', 'DELETE', ''],
    ['leave the admin group', 'DELETE', '/groups/admin'],
    ['reset the MFA of', 'POST', '/reset-mfa'],
  ])('refuses to %s themself with 403 and changes nothing', async (_, method, suffix) => {
    const response = await callAdmin(
      stack,
      admin,
      method,
      `/admin/users/${admin.username}${suffix}`,
    );
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      code: 'SelfProtection',
      message: expect.stringMatching(/your own|yourself/),
    });
    const me = await as(admin).get(`/admin/users/${admin.username}`);
    expect(me.body).toMatchObject({ enabled: true, groups: ['admin', 'general'] });
  });
});

describe('bad input gets 400 naming the field, and nothing is written', () => {
  it.each([
    [
      'an invitation without a valid e-mail',
      'POST',
      '/admin/users',
      { email: 'not-an-email' },
      'body.email',
    ],
    [
      'an invitation to an unknown group',
      'POST',
      '/admin/users',
      { email: 'x@example.com', groups: ['root'] },
      'body.groups.0',
    ],
    [
      'an invitation with an unexpected field',
      'POST',
      '/admin/users',
      { email: 'y@example.com', admin: true },
      'body',
    ],
    [
      'an empty announcement title',
      'POST',
      '/admin/announcements',
      { title: '  ', body: 'b' },
      'body.title',
    ],
    [
      'a group that does not exist',
      'PUT',
      '/admin/users/someone/groups/root',
      undefined,
      'path.group',
    ],
    ['a page size over 60', 'GET', '/admin/users?limit=61', undefined, 'query.limit'],
    ['an unknown status filter', 'GET', '/admin/users?status=asleep', undefined, 'query.status'],
    ['a cursor the API never gave', 'GET', '/admin/audit?cursor=bm9wZQ', undefined, 'query.cursor'],
    ['an unknown audit action', 'GET', '/admin/audit?action=hack', undefined, 'query.action'],
  ])('%s', async (_, method, path, body, field) => {
    const before = new Date().toISOString();
    const response = await callAdmin(stack, admin, method, path, body);
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
    expect(await auditSince(before)).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await signedFetch(
      `${stack.apiUrls.admin}/admin/announcements`,
      admin.credentials,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"title": ',
      },
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      field: 'body',
      message: 'body: is not valid JSON',
    });
  });

  it('keeps the invitee list unchanged after a refused invitation', async () => {
    await as(admin).post('/admin/users', { email: 'refused@example.com', groups: ['root'] });
    expect((await as(admin).get('/admin/users/refused%40example.com')).status).toBe(404);
  });
});

describe('the admin API’s route table', () => {
  it('serves every admin route of the contract', () => {
    expect(routesOf('admin').map(([name]) => name)).toContain('whoami');
    expect(ROUTES.whoami.api).toBe('admin');
  });
});
