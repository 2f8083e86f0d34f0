import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, UserDetail, UserPage } from '@contract';
import { srpSignIn } from '../testing/srp-client';
import {
  callAdmin,
  SEEDED_ADMIN,
  refreshOutcome,
  signIn,
  type SignedInCaller,
} from '../testing/callers';
import { createMfaAdmin, type MfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/**
 * Administrators must have an authenticator app: the admin API reads it from the user pool on
 * every request. And one administrator can reset another user's app when it is lost.
 */
let stack: TestStack;
let admin: MfaAdmin;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await createMfaAdmin(stack);
});
afterAll(() => stack.stop());

const as = (caller: SignedInCaller) => ({
  get: (path: string) => callAdmin(stack, caller, 'GET', path),
  post: (path: string, body: unknown = {}) => callAdmin(stack, caller, 'POST', path, body),
});

const mfaRequired = {
  code: 'MfaRequired',
  message: 'Set up an authenticator app to use admin features.',
};

async function auditOf(action: string): Promise<AuditEntry[]> {
  const { body } = await as(admin.caller).get(`/admin/audit?action=${action}&limit=100`);
  return body.entries as AuditEntry[];
}

async function mfaSettingsOf(username: string): Promise<string[]> {
  const user = await stack.idp.send(
    new AdminGetUserCommand({ UserPoolId: stack.userPool.id, Username: username }),
  );
  return user.UserMFASettingList ?? [];
}

/** What the pool answers a password alone: tokens, or the challenge it asks for next. */
async function passwordAlone(user: { email: string; password: string }): Promise<string> {
  const answer = await srpSignIn(stack.idp, {
    userPoolId: stack.userPool.id,
    clientId: stack.userPool.clientId,
    username: user.email,
    password: user.password,
  });
  return answer.AuthenticationResult ? 'signed in' : `challenge ${answer.ChallengeName}`;
}

describe('an administrator without an authenticator app (the seeded admin)', () => {
  let unprotected: SignedInCaller;
  beforeAll(async () => {
    unprotected = await signIn(stack, SEEDED_ADMIN);
  });

  it('is refused every admin route with MfaRequired, but told who they are', async () => {
    expect(await as(unprotected).get('/admin/users')).toMatchObject({
      status: 403,
      body: mfaRequired,
    });
    expect(await as(unprotected).get('/admin/audit')).toMatchObject({ status: 403 });
    const whoami = await as(unprotected).get('/admin/whoami');
    expect(whoami).toMatchObject({ status: 200, body: { username: unprotected.username } });
  });

  it('has a change they try refused, not made, and audited once as refused', async () => {
    const post = await as(unprotected).post('/admin/announcements', {
      title: 'Without MFA',
      body: 'x',
    });
    expect(post).toMatchObject({ status: 403, body: mfaRequired });
    const { body } = await as(admin.caller).get('/admin/announcements');
    expect(body.announcements.map((a: { title: string }) => a.title)).not.toContain('Without MFA');
    const refused = (await auditOf('postAnnouncement')).filter(
      (e) => e.actor.username === unprotected.username,
    );
    expect(refused).toEqual([
      expect.objectContaining({ outcome: 'failure', error: 'MfaRequired' }),
    ]);
  });
});

describe('MFA state in the Users pages', () => {
  it('shows who has an authenticator app, in the list and on the user', async () => {
    const { body: page } = (await as(admin.caller).get('/admin/users?limit=60')) as {
      body: UserPage;
    };
    const byEmail = new Map(page.users.map((u) => [u.email, u.mfaEnabled]));
    expect(byEmail.get(admin.email)).toBe(true);
    expect(byEmail.get(SEEDED_ADMIN.email)).toBe(false);
    const { body: user } = (await as(admin.caller).get(
      `/admin/users/${admin.caller.username}`,
    )) as { body: UserDetail };
    expect(user.mfaEnabled).toBe(true);
  });
});

describe('Reset MFA', () => {
  it('turns the app off, signs the user out everywhere, and is audited once', async () => {
    const target = await createMfaAdmin(stack, { groups: ['general'] });
    expect(await refreshOutcome(stack, target.caller.refreshToken)).toBe('refreshed');
    expect(await passwordAlone(target)).toBe('challenge SOFTWARE_TOKEN_MFA');

    const reset = await as(admin.caller).post(`/admin/users/${target.caller.username}/reset-mfa`);

    expect(reset).toMatchObject({
      status: 200,
      body: { username: target.caller.username, email: target.email, mfaEnabled: false },
    });
    expect(await mfaSettingsOf(target.caller.username)).toEqual([]);
    expect(await refreshOutcome(stack, target.caller.refreshToken)).toBe(
      'NotAuthorizedException: Refresh Token has been revoked',
    );
    // Their password alone lets them in again, to set up a new app from Profile.
    expect(await passwordAlone(target)).toBe('signed in');
    const entries = (await auditOf('resetUserMfa')).filter((e) => e.target === target.email);
    expect(entries).toEqual([
      expect.objectContaining({
        outcome: 'success',
        actor: { username: admin.caller.username, email: admin.email },
      }),
    ]);
  });

  it('refuses an administrator’s own account: 403 SelfProtection, their app still on', async () => {
    const self = await createMfaAdmin(stack);
    const reset = await as(self.caller).post(`/admin/users/${self.caller.username}/reset-mfa`);
    expect(reset).toMatchObject({ status: 403, body: { code: 'SelfProtection' } });
    expect(await mfaSettingsOf(self.caller.username)).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(await auditOf('resetUserMfa')).toContainEqual(
      expect.objectContaining({
        target: self.email,
        outcome: 'failure',
        error: 'SelfProtection',
        actor: { username: self.caller.username, email: self.email },
      }),
    );
  });

  it('answers 404 for a user who does not exist', async () => {
    const reset = await as(admin.caller).post('/admin/users/nobody-here/reset-mfa');
    expect(reset).toMatchObject({ status: 404, body: { code: 'UserNotFoundException' } });
  });
});
