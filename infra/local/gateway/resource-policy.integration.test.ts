import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOMATION_ROLE_ARN, automationSession } from '../testing/automation-role';
import {
  callAdmin,
  callAdminWith,
  SEEDED_USER,
  signIn,
  type Json,
  type SignedInCaller,
  type SigningCredentials,
} from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/*
 * Only the console's roles may call the admin API. An IAM principal of the same account with
 * every right (the account administrator's AdministratorAccess) is refused by the API's
 * resource policy with API Gateway's words, while the group roles and an automation role the
 * deployment names still get in, each as far as its own policy allows.
 */
let stack: TestStack;
let admin: SignedInCaller;
let general: SignedInCaller;

beforeAll(async () => {
  stack = await startTestStack(undefined, {}, { adminApiAutomationRoles: [AUTOMATION_ROLE_ARN] });
  [admin, general] = await Promise.all([
    createMfaAdmin(stack).then(({ caller }) => caller),
    signIn(stack, SEEDED_USER),
  ]);
});
afterAll(() => stack.stop());

async function call(credentials: SigningCredentials, method: string, path: string, body?: Json) {
  const {
    status,
    headers,
    body: answer,
  } = await callAdminWith(stack, credentials, method, path, body);
  return { status, errorType: headers.get('x-amzn-errortype'), body: answer };
}

const resource = (method: string, path: string) =>
  `arn:aws:execute-api:ap-northeast-1:********0000:${stack.apiIds.adminApiId}/local/${method}${path}`;
const refused = (user: string, method: string, path: string, explicit: boolean) => ({
  status: 403,
  errorType: 'AccessDeniedException',
  body: {
    Message: `User: ${user} is not authorized to perform: execute-api:Invoke on resource: ${resource(method, path)}${explicit ? ' with an explicit deny' : ''}`,
  },
});

describe('the admin API’s resource policy', () => {
  it('refuses the account administrator (AdministratorAccess) with an explicit deny', async () => {
    const operator = 'arn:aws:iam::000000000000:user/local-admin';
    expect(await call(stack.operator, 'GET', '/admin/whoami')).toEqual(
      refused(operator, 'GET', '/admin/whoami', true),
    );
    const posted = await call(stack.operator, 'POST', '/admin/announcements', {
      title: 'From the operator',
      body: 'Should never be stored',
    });
    expect(posted).toEqual(refused(operator, 'POST', '/admin/announcements', true));
    const { body } = await callAdmin(stack, admin, 'GET', '/admin/announcements');
    expect(body.announcements.map((a: Json) => a.title)).not.toContain('From the operator');
  });

  it('refuses a role it does not name, whatever that role’s own policy allows', async () => {
    const other = automationSession(stack, ['whoami'], 'arn:aws:iam::000000000000:role/Other');
    expect(await call(other, 'GET', '/admin/whoami')).toEqual(
      refused('arn:aws:sts::000000000000:assumed-role/Other/nightly', 'GET', '/admin/whoami', true),
    );
  });

  it('lets a named automation role call what its own policy allows, and nothing more', async () => {
    const nightly = automationSession(stack, ['whoami']);
    const whoami = await call(nightly, 'GET', '/admin/whoami');
    expect(whoami.status).toBe(200);
    expect(whoami.body).toMatchObject({
      identityId: null,
      callerArn: 'arn:aws:sts::000000000000:assumed-role/NightlyReport/nightly',
    });
    // The resource policy grants nothing: a route the role's policy lacks is implicitly denied.
    expect(await call(nightly, 'GET', '/admin/users')).toEqual(
      refused(
        'arn:aws:sts::000000000000:assumed-role/NightlyReport/nightly',
        'GET',
        '/admin/users',
        false,
      ),
    );
  });

  it('still lets the group roles in, each as far as its own policy allows', async () => {
    expect((await call(admin.credentials, 'GET', '/admin/whoami')).status).toBe(200);
    expect(await call(general.credentials, 'GET', '/admin/whoami')).toEqual(
      refused(
        'arn:aws:sts::000000000000:assumed-role/ConsoleGeneralRole/CognitoIdentityCredentials',
        'GET',
        '/admin/whoami',
        false,
      ),
    );
  });

  it('still answers the browser’s preflights, which carry no credentials', async () => {
    const [origin] = stack.allowedOrigins;
    const response = await fetch(`${stack.apiUrls.admin}/admin/users`, {
      method: 'OPTIONS',
      headers: {
        origin: origin!,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,x-amz-date,x-amz-security-token',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });
});
