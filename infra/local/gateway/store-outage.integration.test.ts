import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@contract';
import { callAdmin, SEEDED_USER, signIn, type Json, type SignedInCaller } from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import type { StoreGate } from '../testing/store-gate';
import { startTestStack, type TestStack } from '../testing/test-stack';

/*
 * DynamoDB failing under the handlers, through a proxy between the functions and dynalite
 * (the handlers see an ordinary endpoint and run unchanged): every API answers 503 with a
 * message, nothing is half-written, and the audit log never records as done an action that
 * did not happen, nor lets one happen unrecorded.
 */

const OPS_TOKEN = 'ops-token-for-the-outage-tests-0123';
const UNAVAILABLE = {
  message: 'The data store is unavailable; try again shortly.',
  code: 'ServiceUnavailable',
};

let stack: TestStack;
let gate: StoreGate;
let admin: SignedInCaller;
let user: SignedInCaller;

beforeAll(async () => {
  stack = await startTestStack(undefined, { LOCAL_OPS_TOKEN: OPS_TOKEN }, { storeGate: true });
  gate = stack.storeGate!;
  [admin, user] = await Promise.all([
    createMfaAdmin(stack).then(({ caller }) => caller),
    signIn(stack, SEEDED_USER),
  ]);
});
afterAll(() => stack.stop());
afterEach(() => gate.set('open'));

const asAdmin = (method: string, path: string, body?: unknown) =>
  callAdmin(stack, admin, method, path, body);

async function asUser(method: string, path: string, body?: unknown) {
  const response = await fetch(`${stack.apiUrls.general}${path}`, {
    method,
    headers: { authorization: user.idToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

async function opsStats() {
  const response = await fetch(`${stack.apiUrls.ops}/ops/stats`, {
    headers: { authorization: `Bearer ${OPS_TOKEN}` },
  });
  return { status: response.status, body: (await response.json()) as Json };
}

/** The whole audit log, newest first, read once the store is back. */
async function auditLog(): Promise<AuditEntry[]> {
  const { status, body } = await asAdmin('GET', '/admin/audit?limit=100');
  expect(status).toBe(200);
  return body.entries as AuditEntry[];
}

async function announcementTitles(): Promise<string[]> {
  const { body } = await asAdmin('GET', '/admin/announcements');
  return (body.announcements as Array<{ title: string }>).map((a) => a.title);
}

describe('with DynamoDB dropping every connection', () => {
  it('every API answers 503 with a message for reads and writes', async () => {
    gate.set('drop');
    const answers = [
      await asAdmin('GET', '/admin/audit'),
      await asAdmin('GET', '/admin/announcements'),
      await asAdmin('POST', '/admin/announcements', { title: 'During the outage', body: 'x' }),
      await asUser('GET', '/api/me'),
      await asUser('PUT', '/api/me', { displayName: 'Down', language: 'en', version: 0 }),
      await asUser('GET', '/api/announcements'),
      await opsStats(),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 503, body: UNAVAILABLE });

    gate.set('open');
    expect(await announcementTitles()).not.toContain('During the outage');
    expect((await asUser('GET', '/api/me')).body).toMatchObject({ displayName: '', version: 0 });
    expect((await auditLog()).map((e) => e.target)).not.toContain('During the outage');
  });

  it('refuses admin actions on Cognito before touching it, as their audit entry cannot be written', async () => {
    const before = await auditLog();
    gate.set('drop');
    const invite = await asAdmin('POST', '/admin/users', { email: 'unaudited@example.com' });
    const disable = await asAdmin('POST', `/admin/users/${user.username}/disable`);
    const promote = await asAdmin('PUT', `/admin/users/${user.username}/groups/admin`);
    for (const answer of [invite, disable, promote]) {
      expect(answer).toMatchObject({ status: 503, body: UNAVAILABLE });
    }

    gate.set('open');
    expect(stack.userPool.findUser('unaudited@example.com')).toBeUndefined();
    expect((await asAdmin('GET', `/admin/users/${user.username}`)).body).toMatchObject({
      enabled: true,
      groups: ['general'],
    });
    expect(await auditLog()).toEqual(before);
  });
});

describe('with DynamoDB accepting connections and never answering', () => {
  it('answers 503 once the SDK’s timeouts run out, not the gateway’s 504 after 29 s', async () => {
    gate.set('silent');
    const answer = await asAdmin('POST', '/admin/announcements', { title: 'Hung', body: 'x' });
    expect(answer).toMatchObject({ status: 503, body: UNAVAILABLE });
    gate.set('open');
    expect(await announcementTitles()).not.toContain('Hung');
    expect((await auditLog()).map((e) => e.target)).not.toContain('Hung');
  }, 20_000);
});

describe('with DynamoDB going away in the middle of a request', () => {
  it('an action that happened is answered as done, and its entry stays pending, never lost', async () => {
    const target = await asAdmin('POST', '/admin/users', { email: 'midway@example.com' });
    expect(target.status).toBe(201);
    gate.next(['open'], 'drop'); // the pending entry gets in; its settlement does not

    const disabled = await asAdmin('POST', `/admin/users/${target.body.username}/disable`);
    expect(disabled).toMatchObject({ status: 200, body: { enabled: false } });

    gate.set('open');
    const [entry] = await auditLog();
    // Named as the request named it: the e-mail would have come with the settlement.
    expect(entry).toMatchObject({
      action: 'disableUser',
      target: target.body.username,
      outcome: 'pending',
    });
    expect(stack.userPool.findUser('midway@example.com')?.enabled).toBe(false);
    expect(entry).not.toHaveProperty('error');
  });

  it('a store write that fails after the entry is written answers 503; nothing is written and the entry says the outcome is unknown', async () => {
    gate.next(['open'], 'drop'); // the pending entry gets in; the announcement does not

    const posted = await asAdmin('POST', '/admin/announcements', { title: 'Half', body: 'x' });
    expect(posted).toMatchObject({ status: 503, body: UNAVAILABLE });

    gate.set('open');
    expect(await announcementTitles()).not.toContain('Half');
    const [entry] = await auditLog();
    expect(entry).toMatchObject({ action: 'postAnnouncement', target: 'Half', outcome: 'pending' });
  });

  it('settles entries as before once the store is back: success, or failure with the reason', async () => {
    const posted = await asAdmin('POST', '/admin/announcements', { title: 'Back', body: 'x' });
    expect(posted.status).toBe(201);
    const missing = await asAdmin('POST', '/admin/users/nobody-here/disable');
    expect(missing.status).toBe(404);
    const [refused, done] = await auditLog();
    expect(done).toMatchObject({ action: 'postAnnouncement', outcome: 'success' });
    expect(refused).toMatchObject({
      action: 'disableUser',
      target: 'nobody-here',
      outcome: 'failure',
      error: 'UserNotFoundException',
    });
  });
});

describe('with DynamoDB applying a write whose answer is then lost (the SDK retries it)', () => {
  it('stores an announcement once, answers 201 and settles its audit entry as success', async () => {
    // The pending entry and the announcement each land with their answers lost, then the
    // settlement: every write is retried by the SDK after it already happened.
    gate.next(['lose-answer', 'open', 'lose-answer', 'open', 'lose-answer'], 'open');
    const posted = await asAdmin('POST', '/admin/announcements', { title: 'Once', body: 'x' });
    expect(posted.status).toBe(201);
    expect((await announcementTitles()).filter((title) => title === 'Once')).toHaveLength(1);
    const [entry] = await auditLog();
    expect(entry).toMatchObject({
      action: 'postAnnouncement',
      target: `Once (${posted.body.id})`,
      outcome: 'success',
    });
  });

  it('deletes an announcement and answers 204, not 404 because its own first try deleted it', async () => {
    const posted = await asAdmin('POST', '/admin/announcements', { title: 'Gone', body: 'x' });
    gate.next(['open', 'lose-answer'], 'open'); // the pending entry, then the delete
    const deleted = await asAdmin('DELETE', `/admin/announcements/${posted.body.id}`);
    expect(deleted.status).toBe(204);
    expect(await announcementTitles()).not.toContain('Gone');
    expect((await auditLog())[0]).toMatchObject({
      action: 'deleteAnnouncement',
      outcome: 'success',
    });
  });

  it('saves a profile once and answers 200, not 409 "changed elsewhere" for its own save', async () => {
    const before = (await asUser('GET', '/api/me')).body.version as number;
    gate.next(['lose-answer'], 'open');
    const saved = await asUser('PUT', '/api/me', {
      displayName: 'Retried',
      language: 'ja',
      version: before,
    });
    expect(saved).toMatchObject({
      status: 200,
      body: { displayName: 'Retried', version: before + 1 },
    });
  });
});
