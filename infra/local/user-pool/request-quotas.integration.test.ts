import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ListGroupsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectAwsError } from '../testing/aws-assertions';
import { callAdmin, type SignedInCaller } from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';
import { DEFAULT_QUOTAS } from './request-quotas';

/*
 * Cognito's request-rate quotas through the real edge, seen by an unmodified SDK client that
 * does not retry (`maxAttempts: 1`), so every refusal reaches the test. The stack's clock is
 * frozen in each test: buckets refill only when the test moves it.
 */

let stack: TestStack;
let idp: CognitoIdentityProviderClient;
let admin: SignedInCaller;

beforeAll(async () => {
  stack = await startTestStack();
  idp = new CognitoIdentityProviderClient({
    region: stack.runtimeConfig.region,
    endpoint: stack.edgeUrl,
    credentials: stack.operator,
    maxAttempts: 1,
  });
  ({ caller: admin } = await createMfaAdmin(stack));
});
afterAll(async () => {
  idp.destroy();
  await stack.stop();
});

const control = (method: string, body?: string, contentType = 'application/json') =>
  fetch(`${stack.edgeUrl}/_local/quotas`, {
    method,
    ...(body === undefined ? {} : { body, headers: { 'Content-Type': contentType } }),
  });

beforeEach(async () => {
  // Every test starts at Cognito's defaults with full buckets.
  expect((await control('DELETE')).status).toBe(200);
  stack.clock.freeze();
});
afterEach(() => stack.clock.thaw());

const poolId = () => stack.userPool.id;
const listUsers = () => idp.send(new ListUsersCommand({ UserPoolId: poolId(), Limit: 1 }));
const createUser = (email: string) =>
  idp.send(
    new AdminCreateUserCommand({
      UserPoolId: poolId(),
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: email }],
    }),
  );
const newEmail = () => `quota-${randomUUID()}@example.com`;

async function expectThrottled(call: Promise<unknown>) {
  const status = await call.then(
    () => undefined,
    (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode,
  );
  expect(status).toBe(400);
  await expectAwsError(call, 'TooManyRequestsException', 'Rate exceeded');
}

describe('at Cognito’s default quotas', () => {
  it('refuses the 31st ListUsers within a second (UserList: 30), and admits again a second on', async () => {
    for (let i = 0; i < DEFAULT_QUOTAS.UserList; i++) await listUsers();
    await expectThrottled(listUsers());
    stack.clock.advance(1000);
    await expect(listUsers()).resolves.toMatchObject({ Users: expect.any(Array) });
  });

  it('holds ListGroups to 5 a second for the pool, under its category’s 20', async () => {
    const listGroups = () => idp.send(new ListGroupsCommand({ UserPoolId: poolId() }));
    for (let i = 0; i < 5; i++) await listGroups();
    await expectThrottled(listGroups());
  });
});

describe('/_local/quotas', () => {
  it('lowers a quota: past it the call is refused and runs nothing; it refills at the new rate', async () => {
    const lowered = await control('PUT', JSON.stringify({ UserCreation: 3 }));
    expect(lowered.status).toBe(200);
    expect(await lowered.json()).toMatchObject({
      quotas: { ...DEFAULT_QUOTAS, UserCreation: 3 },
      cognitoDefaults: DEFAULT_QUOTAS,
    });
    for (let i = 0; i < 3; i++) await createUser(newEmail());
    const refused = newEmail();
    await expectThrottled(createUser(refused));
    await expectAwsError(
      idp.send(new AdminGetUserCommand({ UserPoolId: poolId(), Username: refused })),
      'UserNotFoundException',
    );
    // Three a second: a token every 333⅓ ms.
    stack.clock.advance(333);
    await expectThrottled(createUser(newEmail()));
    stack.clock.advance(1);
    await expect(createUser(newEmail())).resolves.toBeDefined();
  });

  it('raises a quota as a Service Quotas increase would, and resets to the defaults', async () => {
    await control('PUT', JSON.stringify({ UserList: 2 }));
    await listUsers();
    await listUsers();
    await expectThrottled(listUsers());
    expect((await control('PUT', JSON.stringify({ UserList: 40 }))).status).toBe(200);
    for (let i = 0; i < 40; i++) await listUsers();
    await expectThrottled(listUsers());

    const reset = await control('DELETE');
    expect(await reset.json()).toMatchObject({ quotas: DEFAULT_QUOTAS });
    expect(await (await control('GET')).json()).toMatchObject({ quotas: DEFAULT_QUOTAS });
  });

  it('refuses bad input with a reason, and changes nothing', async () => {
    const refusals: Array<[Response, number, string]> = [
      [await control('PUT', '{"UserCreation": 5}', 'text/plain'), 415, 'Content-Type'],
      [await control('PUT', 'UserCreation=5'), 400, 'Body must be JSON'],
      [await control('PUT', '{}'), 400, 'Name at least one quota category'],
      [
        await control('PUT', JSON.stringify({ UserCreation: 5, Users: 5 })),
        400,
        'Unknown quota category "Users"',
      ],
      [await control('PUT', JSON.stringify({ UserList: 0 })), 400, 'UserList must be a whole'],
      [await control('PUT', JSON.stringify({ UserList: '5' })), 400, 'not "5"'],
    ];
    for (const [response, status, message] of refusals) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { message: string }).message).toContain(message);
    }
    expect(await (await control('GET')).json()).toMatchObject({ quotas: DEFAULT_QUOTAS });
  });
});

describe('behind the admin API', () => {
  it('answers an invitation whose group add Cognito throttled with the user as they are, not 429', async () => {
    // One group add a second, and a clock that refills nothing: the second add is refused.
    await control('PUT', JSON.stringify({ UserUpdate: 1 }));
    const email = newEmail();
    const invited = await callAdmin(stack, admin, 'POST', '/admin/users', {
      email,
      groups: ['helpdesk', 'general'],
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email, groups: ['helpdesk'] });
    // The user exists once, in the group that was added: what the answer said.
    stack.clock.thaw();
    await control('DELETE');
    const user = await callAdmin(stack, admin, 'GET', `/admin/users/${invited.body.username}`);
    expect(user.body.groups).toEqual(['helpdesk']);
  });

  it('answers 429 with Cognito’s code once the function’s SDK has retried in vain', async () => {
    await control('PUT', JSON.stringify({ UserList: 1 }));
    expect((await callAdmin(stack, admin, 'GET', '/admin/users?limit=1')).status).toBe(200);
    // The frozen clock refills nothing while the function's SDK tries twice more.
    const throttled = await callAdmin(stack, admin, 'GET', '/admin/users?limit=1');
    expect(throttled).toMatchObject({
      status: 429,
      body: { code: 'TooManyRequestsException', message: 'Rate exceeded' },
    });
  });
});
