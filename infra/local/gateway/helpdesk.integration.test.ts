import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DRY_RUN_HEADER,
  groupMayCall,
  roleArn,
  routePath,
  routesOf,
  type AuditEntry,
  type GroupName,
} from '@contract';
import { LOCAL_ACCOUNT_ID } from '../aws/identifiers';
import { expectAwsError } from '../testing/aws-assertions';
import { createConfirmedUser } from '../testing/confirmed-user';
import {
  callAdmin,
  callAdminWith,
  loginsFor,
  SEEDED_HELPDESK,
  SEEDED_USER,
  signedFetch,
  signIn,
  type SignedInCaller,
  type TemporaryCredentials,
} from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/**
 * Issue 19: a helpdesk group whose role calls the support routes only, and a role chosen with
 * `CustomRoleArn` that the admin API honours as the role, not as every group of its holder.
 */
let stack: TestStack;
let admin: SignedInCaller;
let helpdesk: SignedInCaller;
let counter = 0;

beforeAll(async () => {
  stack = await startTestStack();
  [admin, helpdesk] = await Promise.all([
    createMfaAdmin(stack).then(({ caller }) => caller),
    createMfaAdmin(stack, { groups: ['helpdesk'] }).then(({ caller }) => caller),
  ]);
});
afterAll(() => stack.stop());

const as = (caller: SignedInCaller) => ({
  get: (path: string) => callAdmin(stack, caller, 'GET', path),
  post: (path: string) => callAdmin(stack, caller, 'POST', path, {}),
  delete: (path: string) => callAdmin(stack, caller, 'DELETE', path),
});

/** A confirmed user with a password in `groups`, made by the account administrator. */
async function createUser(groups: GroupName[]): Promise<{ username: string; email: string }> {
  const email = `helpdesk-target${++counter}@example.com`;
  const username = await createConfirmedUser(stack, {
    email,
    password: 'Target-Passw0rd!',
    groups,
  });
  return { username, email };
}

/** Credentials for `role` chosen from the caller's token, as the console's switch role asks. */
async function credentialsAs(
  caller: SignedInCaller,
  CustomRoleArn: string,
): Promise<TemporaryCredentials> {
  const { Credentials } = await stack.identity.send(
    new GetCredentialsForIdentityCommand({
      IdentityId: caller.identityId,
      Logins: loginsFor(caller.idToken),
      CustomRoleArn,
    }),
  );
  return {
    accessKeyId: Credentials!.AccessKeyId!,
    secretAccessKey: Credentials!.SecretKey!,
    sessionToken: Credentials!.SessionToken!,
    expiration: Credentials!.Expiration!,
  };
}

const roleOf = (group: GroupName) => roleArn(LOCAL_ACCOUNT_ID, group);

/** The message API Gateway answers when the caller's role may not invoke the route. */
const iamRefusal = (roleName: string, method: string, path: string) =>
  `User: arn:aws:sts::000000000000:assumed-role/${roleName}/CognitoIdentityCredentials is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:********0000:${stack.apiIds.adminApiId}/local/${method}${path}`;

async function auditBy(username: string): Promise<AuditEntry[]> {
  const { body } = await as(admin).get('/admin/audit?limit=100');
  return (body.entries as AuditEntry[]).filter((e) => e.actor.username === username);
}

const enabledOf = async (username: string) =>
  (
    await stack.idp.send(
      new AdminGetUserCommand({ UserPoolId: stack.userPool.id, Username: username }),
    )
  ).Enabled;

describe('a helpdesk user', () => {
  it('may call exactly the helpdesk routes; the gateway refuses the others in IAM’s words', async () => {
    const target = await createUser(['general']);
    const allowed: string[] = [];
    for (const [name, route] of routesOf('admin')) {
      const path = routePath(route, { username: target.username, group: 'general', id: 'x' });
      // Asked as the Access probe asks: answered 204 once let through, nothing done.
      const response = await signedFetch(`${stack.apiUrls.admin}${path}`, helpdesk.credentials, {
        method: route.method,
        headers: { [DRY_RUN_HEADER]: '1' },
      });
      if (groupMayCall('helpdesk', name)) {
        expect(response.status, name).toBe(204);
        allowed.push(name);
      } else {
        expect(response.status, name).toBe(403);
        expect(response.headers.get('x-amzn-errortype'), name).toBe('AccessDeniedException');
        expect(await response.json(), name).toEqual({
          Message: iamRefusal('ConsoleHelpdeskRole', route.method, path),
        });
      }
    }
    expect(allowed.sort()).toEqual(
      [
        'whoami',
        'listUsers',
        'getUser',
        'disableUser',
        'enableUser',
        'resetUserPassword',
        'resetUserMfa',
        'listGroups',
        'listGroupMembers',
        'listAudit',
      ].sort(),
    );
  });

  it('disables a general user and resets their password', async () => {
    const target = await createUser(['general']);
    const disabled = await as(helpdesk).post(`/admin/users/${target.username}/disable`);
    expect(disabled).toMatchObject({ status: 200, body: { enabled: false } });
    const reset = await as(helpdesk).post(`/admin/users/${target.username}/reset-password`);
    expect(reset).toMatchObject({ status: 200, body: { status: 'RESET_REQUIRED' } });
  });

  it('may not delete a user nor grant a group, even with a crafted signed call', async () => {
    const target = await createUser(['general']);
    const del = await as(helpdesk).delete(`/admin/users/${target.username}`);
    expect(del.status).toBe(403);
    expect(del.body.Message).toBe(
      iamRefusal('ConsoleHelpdeskRole', 'DELETE', `/admin/users/${target.username}`),
    );
    const grant = await callAdmin(
      stack,
      helpdesk,
      'PUT',
      `/admin/users/${target.username}/groups/admin`,
    );
    expect(grant.status).toBe(403);
    expect(await enabledOf(target.username)).toBe(true);
  });

  it.each([
    ['disableUser', 'disable'],
    ['enableUser', 'enable'],
    ['resetUserPassword', 'reset-password'],
    ['resetUserMfa', 'reset-mfa'],
  ])(
    'is refused %s on an administrator: 403 OutranksCaller, audited as refused',
    async (action, step) => {
      const target = await createUser(['admin', 'general']);
      const refused = await as(helpdesk).post(`/admin/users/${target.username}/${step}`);
      expect(refused).toMatchObject({
        status: 403,
        body: {
          code: 'OutranksCaller',
          message: `${target.email} is in the admin group, which has more rights than yours; ask an administrator.`,
        },
      });
      expect(await enabledOf(target.username)).toBe(true);
      expect(
        (await auditBy(helpdesk.username)).filter((entry) => entry.target === target.email),
      ).toEqual([expect.objectContaining({ action, outcome: 'failure', error: 'OutranksCaller' })]);
    },
  );

  it('once taken out of helpdesk, is refused with the credentials still in hand', async () => {
    const removed = (await createMfaAdmin(stack, { groups: ['helpdesk'] })).caller;
    expect((await as(removed).get('/admin/users')).status).toBe(200);
    expect(
      (await as(admin).delete(`/admin/users/${removed.username}/groups/helpdesk`)).status,
    ).toBe(200);
    expect(await as(removed).get('/admin/users')).toMatchObject({
      status: 403,
      body: { code: 'AccessRevoked' },
    });
  });

  it('is seeded: helpdesk@example.com signs in with the helpdesk role', async () => {
    const seeded = await signIn(stack, SEEDED_HELPDESK);
    // whoami is answered without an authenticator app: it says who is asking.
    const { body } = await as(seeded).get('/admin/whoami');
    expect(body.callerArn).toBe(
      'arn:aws:sts::000000000000:assumed-role/ConsoleHelpdeskRole/CognitoIdentityCredentials',
    );
  });
});

describe('a role chosen with CustomRoleArn', () => {
  it('is the role the admin API honours: an administrator acting as general is refused', async () => {
    const both = (await createMfaAdmin(stack, { groups: ['admin', 'general'] })).caller;
    const asGeneral = await credentialsAs(both, roleOf('general'));
    const refused = await callAdminWith(stack, asGeneral, 'GET', '/admin/users');
    expect(refused.status).toBe(403);
    expect(refused.body.Message).toBe(iamRefusal('ConsoleGeneralRole', 'GET', '/admin/users'));
    // The same identity with its administrator role is answered.
    const asAdmin = await credentialsAs(both, roleOf('admin'));
    expect((await callAdminWith(stack, asAdmin, 'GET', '/admin/users')).status).toBe(200);
  });

  it('acting as helpdesk, an administrator acts with helpdesk’s rights only', async () => {
    const both = (await createMfaAdmin(stack, { groups: ['admin', 'helpdesk'] })).caller;
    const asHelpdesk = await credentialsAs(both, roleOf('helpdesk'));
    const target = await createUser(['admin']);
    expect((await callAdminWith(stack, asHelpdesk, 'GET', '/admin/users')).status).toBe(200);
    const disable = await callAdminWith(
      stack,
      asHelpdesk,
      'POST',
      `/admin/users/${target.username}/disable`,
      {},
    );
    expect(disable).toMatchObject({ status: 403, body: { code: 'OutranksCaller' } });
    const del = await callAdminWith(stack, asHelpdesk, 'DELETE', `/admin/users/${target.username}`);
    expect(del.status).toBe(403);
    expect(await enabledOf(target.username)).toBe(true);
  });

  it('is refused by the identity pool when the token does not carry it', async () => {
    const user = await signIn(stack, SEEDED_USER);
    await expectAwsError(credentialsAs(user, roleOf('admin')), 'InvalidParameterException');
    await expectAwsError(
      credentialsAs(user, `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/MadeUpRole`),
      'InvalidParameterException',
    );
  });
});
