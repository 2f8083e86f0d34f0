import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRY_RUN_HEADER, type AuditEntry } from '@contract';
import {
  callAdmin,
  signedFetch,
  refreshOutcome,
  signIn,
  type SignedInCaller,
} from '../testing/callers';
import { createMfaAdmin, turnOnAuthenticator } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/**
 * An administrator's access ends the moment it is taken away, although the identity-pool
 * credentials they hold stay valid for up to an hour: the attacks of issue 15, each refused.
 */
let stack: TestStack;
let admin: SignedInCaller;
let counter = 0;

beforeAll(async () => {
  stack = await startTestStack();
  admin = (await createMfaAdmin(stack)).caller;
});
afterAll(() => stack.stop());

/** A confirmed user in `groups`; signs in by username (an unverified e-mail is no alias). */
async function createUser(
  groups: string[],
  { verified = true }: { verified?: boolean } = {},
): Promise<{ username: string; email: string; password: string }> {
  const email = `person${++counter}@example.com`;
  const password = 'Person-Passw0rd!';
  const { User } = await stack.idp.send(
    new AdminCreateUserCommand({
      UserPoolId: stack.userPool.id,
      Username: email,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: String(verified) },
      ],
      MessageAction: 'SUPPRESS',
    }),
  );
  await stack.idp.send(
    new AdminSetUserPasswordCommand({
      UserPoolId: stack.userPool.id,
      Username: User!.Username!,
      Password: password,
      Permanent: true,
    }),
  );
  for (const group of groups) {
    await stack.idp.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: stack.userPool.id,
        Username: User!.Username!,
        GroupName: group,
      }),
    );
  }
  return { username: User!.Username!, email, password };
}

/**
 * A user in `groups`, signed in: their tokens and role credentials in hand. An administrator
 * has an authenticator app turned on, as the admin API requires.
 */
async function person(
  groups: string[],
  options: { verified?: boolean } = {},
): Promise<SignedInCaller> {
  const { username, email, password } = await createUser(groups, options);
  // An unverified e-mail is no sign-in alias: such a user signs in by their username.
  const caller = { ...(await signIn(stack, { email: username, password })), email };
  if (groups.includes('admin')) await turnOnAuthenticator(stack, caller.accessToken);
  return caller;
}

const as = (caller: SignedInCaller) => ({
  get: (path: string) => callAdmin(stack, caller, 'GET', path),
  post: (path: string, body: unknown = {}) => callAdmin(stack, caller, 'POST', path, body),
  put: (path: string) => callAdmin(stack, caller, 'PUT', path),
  delete: (path: string) => callAdmin(stack, caller, 'DELETE', path),
});

const revoked = {
  message: 'Your administrator access was removed; sign in again.',
  code: 'AccessRevoked',
};

async function groupsOf(username: string): Promise<string[]> {
  const { Groups = [] } = await stack.idp.send(
    new AdminListGroupsForUserCommand({ UserPoolId: stack.userPool.id, Username: username }),
  );
  return Groups.map((g) => g.GroupName!).sort();
}

async function auditBy(username: string): Promise<AuditEntry[]> {
  const { body } = await as(admin).get('/admin/audit?limit=100');
  return (body.entries as AuditEntry[]).filter((e) => e.actor.username === username);
}

describe('a demoted administrator with credentials still in hand', () => {
  it('cannot put themself back in admin: refused, audited as refused, still demoted', async () => {
    const demoted = await person(['admin']);
    expect((await as(admin).delete(`/admin/users/${demoted.username}/groups/admin`)).status).toBe(
      200,
    );

    // The attack: the same credentials, a self re-grant.
    const regrant = await as(demoted).put(`/admin/users/${demoted.username}/groups/admin`);
    expect(regrant).toMatchObject({ status: 403, body: revoked });
    expect(await groupsOf(demoted.username)).toEqual([]);
    expect(await auditBy(demoted.username)).toEqual([
      expect.objectContaining({
        action: 'addUserToGroup',
        outcome: 'failure',
        error: 'AccessRevoked',
        actor: { username: demoted.username, email: demoted.email },
      }),
    ]);
  });

  it('can no longer read either, nor ask the Access probe: 403 AccessRevoked', async () => {
    const demoted = await person(['admin']);
    await as(admin).delete(`/admin/users/${demoted.username}/groups/admin`);
    expect(await as(demoted).get('/admin/users')).toMatchObject({ status: 403, body: revoked });
    const probe = await signedFetch(`${stack.apiUrls.admin}/admin/users`, demoted.credentials, {
      headers: { [DRY_RUN_HEADER]: '1' },
    });
    expect(probe.status).toBe(403);
    const probeOfAChange = await signedFetch(
      `${stack.apiUrls.admin}/admin/users/${demoted.username}/groups/admin`,
      demoted.credentials,
      { method: 'PUT', headers: { [DRY_RUN_HEADER]: '1' } },
    );
    expect(probeOfAChange.status).toBe(403);
    // Reads and refused probes are not actions: the log has nothing by them.
    expect(await auditBy(demoted.username)).toEqual([]);
  });

  it('is signed out everywhere by the demotion: their refresh token no longer works', async () => {
    const demoted = await person(['admin']);
    expect(await refreshOutcome(stack, demoted.refreshToken)).toBe('refreshed');
    await as(admin).delete(`/admin/users/${demoted.username}/groups/admin`);
    expect(await refreshOutcome(stack, demoted.refreshToken)).toBe(
      'NotAuthorizedException: Refresh Token has been revoked',
    );
  });
});

describe('a disabled or deleted administrator with credentials still in hand', () => {
  it('when disabled: is signed out, and every change they try is refused and audited', async () => {
    const disabled = await person(['admin']);
    expect((await as(admin).post(`/admin/users/${disabled.username}/disable`)).status).toBe(200);
    expect(await refreshOutcome(stack, disabled.refreshToken)).toMatch(/^NotAuthorizedException/);
    const post = await as(disabled).post('/admin/announcements', {
      title: 'Still here',
      body: 'x',
    });
    expect(post).toMatchObject({ status: 403, body: revoked });
    const { body } = await as(admin).get('/admin/announcements');
    expect(body.announcements.map((a: { title: string }) => a.title)).not.toContain('Still here');
    expect(await auditBy(disabled.username)).toEqual([
      expect.objectContaining({
        action: 'postAnnouncement',
        outcome: 'failure',
        error: 'AccessRevoked',
      }),
    ]);
  });

  it('when deleted: refused at once', async () => {
    const deleted = await person(['admin']);
    expect((await as(admin).delete(`/admin/users/${deleted.username}`)).status).toBe(204);
    expect(await as(deleted).get('/admin/users')).toMatchObject({ status: 403, body: revoked });
    expect(await refreshOutcome(stack, deleted.refreshToken)).toMatch(/^NotAuthorizedException/);
  });
});

describe('nobody grants themself anything', () => {
  it('an administrator cannot add themself to a group: 403 SelfProtection, audited', async () => {
    const self = await person(['admin']);
    const grant = await as(self).put(`/admin/users/${self.username}/groups/general`);
    expect(grant).toMatchObject({
      status: 403,
      body: {
        code: 'SelfProtection',
        message: 'You cannot add yourself to a group. Ask another administrator to do it.',
      },
    });
    expect(await groupsOf(self.username)).toEqual(['admin']);
    expect(await auditBy(self.username)).toEqual([
      expect.objectContaining({
        action: 'addUserToGroup',
        outcome: 'failure',
        error: 'SelfProtection',
      }),
    ]);
  });

  it('a group is never granted to an unverified e-mail address', async () => {
    const unverified = await createUser([], { verified: false });
    const grant = await as(admin).put(`/admin/users/${unverified.username}/groups/admin`);
    expect(grant).toMatchObject({ status: 409, body: { code: 'UnverifiedEmail' } });
    expect(grant.body.message).toContain(unverified.email);
    expect(await groupsOf(unverified.username)).toEqual([]);
  });

  it('records the actor by sub with their verified e-mail, and an unverified one as none', async () => {
    const unverifiedAdmin = await person(['admin'], { verified: false });
    await as(unverifiedAdmin).post('/admin/announcements', { title: 'By whom?', body: 'x' });
    const [entry] = await auditBy(unverifiedAdmin.username);
    expect(entry).toMatchObject({
      action: 'postAnnouncement',
      outcome: 'success',
      actor: { username: unverifiedAdmin.username, email: null },
    });
    const { body } = await as(admin).get('/admin/announcements');
    expect(body.announcements).toContainEqual(
      expect.objectContaining({
        title: 'By whom?',
        author: unverifiedAdmin.username,
        authorUsername: unverifiedAdmin.username,
      }),
    );
  });
});
