import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDITED_ACTIONS, ROUTES, type RouteName } from '@contract';
import { FUNCTION_ACCESS, FUNCTION_NAMES } from '../../functions/function-access';
import { accessPolicy } from '../../functions/shared/access';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../aws/identifiers';
import type { AccountDecision } from '../iam/account';
import { OPS_TOKEN_SECRET_NAME } from '../stack';
import { callAdmin, SEEDED_USER, signIn, type Json, type SignedInCaller } from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';
import { localTableNames } from '../dynamodb/dynalite';
import { functionRoleArn } from './function-roles';

interface Answer {
  status: number;
  body: Json;
}

/**
 * Every route of every API, called for real through the enforcing local stack: each function
 * runs with credentials of its own execution role, and every DynamoDB, Cognito and Secrets
 * Manager call it makes is verified and checked against the policy the CDK app attaches. A
 * store command missing from its declared access fails here, as it would in AWS.
 */
describe('each function under the policy it is deployed with', () => {
  let stack: TestStack;
  let admin: SignedInCaller;
  let user: SignedInCaller;
  /** A general user with an authenticator app, whose MFA an administrator resets. */
  let withApp = '';
  const decisions: AccountDecision[] = [];
  const answers = new Map<RouteName, Answer>();

  beforeAll(async () => {
    stack = await startTestStack();
    stack.account.onDecision = (entry) => decisions.push(entry);
    admin = (await createMfaAdmin(stack)).caller;
    user = await signIn(stack, SEEDED_USER);
    withApp = (await createMfaAdmin(stack, { groups: ['general'] })).caller.username;

    const asAdmin = (method: string, path: string, body?: unknown) =>
      callAdmin(stack, admin, method, path, body);
    const general = async (method: string, path: string, body?: unknown): Promise<Answer> => {
      const response = await fetch(`${stack.apiUrls.general}${path}`, {
        method,
        headers: {
          authorization: user.idToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    };
    const ops = async (path: string): Promise<Answer> => {
      const token = stack.secrets.get(OPS_TOKEN_SECRET_NAME).value;
      const response = await fetch(`${stack.apiUrls.ops}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: await response.json() };
    };

    // In an order where each call has what it needs; typed by route, so a new route without a
    // call here fails the completeness test below.
    let invited = '';
    let announcement = '';
    const calls: Array<[RouteName, () => Promise<Answer>]> = [
      ['whoami', () => asAdmin('GET', '/admin/whoami')],
      ['listUsers', () => asAdmin('GET', '/admin/users')],
      [
        'inviteUser',
        async () => {
          const answer = await asAdmin('POST', '/admin/users', {
            email: 'walked@example.com',
            groups: ['general'],
          });
          invited = answer.body.username;
          return answer;
        },
      ],
      ['getUser', () => asAdmin('GET', `/admin/users/${invited}`)],
      ['disableUser', () => asAdmin('POST', `/admin/users/${invited}/disable`)],
      ['enableUser', () => asAdmin('POST', `/admin/users/${invited}/enable`)],
      // A confirmed user with a verified e-mail: Cognito resets no one else.
      ['resetUserPassword', () => asAdmin('POST', `/admin/users/${user.username}/reset-password`)],
      ['resetUserMfa', () => asAdmin('POST', `/admin/users/${withApp}/reset-mfa`)],
      ['addUserToGroup', () => asAdmin('PUT', `/admin/users/${invited}/groups/admin`)],
      ['removeUserFromGroup', () => asAdmin('DELETE', `/admin/users/${invited}/groups/admin`)],
      ['listGroups', () => asAdmin('GET', '/admin/groups')],
      ['listGroupMembers', () => asAdmin('GET', '/admin/groups/admin/users')],
      [
        'postAnnouncement',
        async () => {
          const answer = await asAdmin('POST', '/admin/announcements', {
            title: 'Walked',
            body: 'Every route',
          });
          announcement = answer.body.id;
          return answer;
        },
      ],
      ['listAnnouncementsAdmin', () => asAdmin('GET', '/admin/announcements')],
      ['listAnnouncements', () => general('GET', '/api/announcements')],
      ['deleteAnnouncement', () => asAdmin('DELETE', `/admin/announcements/${announcement}`)],
      ['deleteUser', () => asAdmin('DELETE', `/admin/users/${invited}`)],
      ['listAudit', () => asAdmin('GET', '/admin/audit?limit=50')],
      ['getMyProfile', () => general('GET', '/api/me')],
      [
        'updateMyProfile',
        () => general('PUT', '/api/me', { displayName: 'Walker', language: 'en', version: 0 }),
      ],
      ['opsHealth', () => ops('/ops/health')],
      ['opsStats', () => ops('/ops/stats')],
    ];
    for (const [name, call] of calls) answers.set(name, await call());
  });
  afterAll(() => stack.stop());

  it('calls every route of the contract', () => {
    expect([...answers.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('answers every route with its success status', () => {
    const statuses = Object.fromEntries([...answers].map(([name, a]) => [name, a.status]));
    const expected = Object.fromEntries(
      Object.entries(ROUTES).map(([name, route]) => [name, 'status' in route ? route.status : 200]),
    );
    expect(statuses).toEqual(expected);
  });

  it('settles every audit entry as a success under the deployed policy', async () => {
    const audit = await callAdmin(stack, admin, 'GET', '/admin/audit?limit=50');
    const outcomes = (audit.body.entries as Array<{ action: string; outcome: string }>).map(
      (e) => `${e.action}: ${e.outcome}`,
    );
    // Every audited route was called once above, and each settled.
    expect(outcomes.sort()).toEqual(AUDITED_ACTIONS.map((action) => `${action}: success`).sort());
  });

  it('is never refused anything its code asks for', () => {
    const refused = decisions.filter(
      (d) => d.decision !== 'Allow' && d.principalArn.includes(':role/console-'),
    );
    expect(refused).toEqual([]);
  });

  it.each(FUNCTION_NAMES)('%s uses every permission its policy grants, and no other', (name) => {
    const role = functionRoleArn(LOCAL_ACCOUNT_ID, name);
    const tables = localTableNames();
    const granted = accessPolicy(FUNCTION_ACCESS[name], {
      table: (t) => `arn:aws:dynamodb:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:table/${tables[t]}`,
      userPool: `arn:aws:cognito-idp:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:userpool/${stack.userPool.id}`,
      opsTokenSecret: stack.secrets.arnFor(OPS_TOKEN_SECRET_NAME),
    }).Statement.flatMap((s) =>
      [s.Action].flat().map((action) => `${action} on ${[s.Resource].flat().join()}`),
    );
    const used = decisions
      .filter((d) => d.principalArn === role && d.decision === 'Allow')
      .map((d) => `${d.action} on ${d.resource}`);
    expect([...new Set(used)].sort()).toEqual([...new Set(granted)].sort());
  });
});
