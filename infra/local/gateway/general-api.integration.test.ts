import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAdmin,
  SEEDED_ADMIN,
  SEEDED_USER,
  signIn,
  type Json,
  type SignedInCaller,
} from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

let stack: TestStack;
let user: SignedInCaller;

beforeAll(async () => {
  stack = await startTestStack();
  user = await signIn(stack, SEEDED_USER);
});
afterAll(() => stack.stop());

/** A general API call as the SPA makes it: the ID token in `Authorization`. */
async function callGeneral(
  method: string,
  path: string,
  idToken: string | undefined,
  body?: unknown,
) {
  const response = await fetch(`${stack.apiUrls.general}${path}`, {
    method,
    headers: {
      ...(idToken ? { authorization: idToken } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  };
}

describe('the Cognito user pool authorizer', () => {
  it('refuses a request without a token: 401 Unauthorized', async () => {
    const response = await callGeneral('GET', '/api/me', undefined);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
    expect(response.body).toEqual({ message: 'Unauthorized' });
  });

  it('refuses a token the pool did not sign: 401 Unauthorized', async () => {
    const [header, payload] = user.idToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await callGeneral('GET', '/api/me', forged)).body).toEqual({ message: 'Unauthorized' });
  });

  it('refuses an unsigned token (alg none): 401 Unauthorized', async () => {
    expect((await callGeneral('GET', '/api/me', 'eyJhbGciOiJub25lIn0.e30.')).status).toBe(401);
  });

  it('refuses an expired ID token: 401 The incoming token has expired', async () => {
    await stack.clock.during(3 * 3600 * 1000, async () => {
      const response = await callGeneral('GET', '/api/me', user.idToken);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ message: 'The incoming token has expired' });
    });
  });
});

describe('my profile', () => {
  it('comes from the token’s claims plus stored preferences', async () => {
    const { status, body } = await callGeneral('GET', '/api/me', user.idToken);
    expect(status).toBe(200);
    expect(body).toEqual({
      username: user.username,
      email: 'user@example.com',
      groups: ['general'],
      displayName: '',
      language: 'en',
      version: 0,
    });
  });

  it('saves preferences and bumps the version', async () => {
    const saved = await callGeneral('PUT', '/api/me', user.idToken, {
      displayName: '  Yuki  ',
      language: 'ja',
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ displayName: 'Yuki', language: 'ja', version: 1 });
    expect((await callGeneral('GET', '/api/me', user.idToken)).body).toMatchObject({
      displayName: 'Yuki',
      version: 1,
    });
  });

  it('answers a stale save 409 with the newer values, and changes nothing', async () => {
    const current = (await callGeneral('GET', '/api/me', user.idToken)).body;
    await callGeneral('PUT', '/api/me', user.idToken, {
      displayName: 'From tab one',
      language: 'en',
      version: current.version,
    });
    const stale = await callGeneral('PUT', '/api/me', user.idToken, {
      displayName: 'From tab two',
      language: 'ja',
      version: current.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'VersionConflict',
      current: { displayName: 'From tab one', version: current.version + 1 },
    });
    expect((await callGeneral('GET', '/api/me', user.idToken)).body.displayName).toBe(
      'From tab one',
    );
  });

  it('refuses an invalid language with 400 naming the field', async () => {
    const response = await callGeneral('PUT', '/api/me', user.idToken, {
      displayName: 'x',
      language: 'fr',
      version: 0,
    });
    expect(response.status).toBe(400);
    expect(response.body.field).toBe('body.language');
  });

  it('keeps each user’s preferences to themself', async () => {
    const admin = await signIn(stack, SEEDED_ADMIN);
    const body = (await callGeneral('GET', '/api/me', admin.idToken)).body;
    expect(body).toMatchObject({
      email: 'admin@example.com',
      groups: ['admin', 'general'],
      displayName: '',
      version: 0,
    });
  });
});

describe('announcements', () => {
  it('shows a general user what an admin posted, newest first', async () => {
    const { caller: admin } = await createMfaAdmin(stack);
    await callAdmin(stack, admin, 'POST', '/admin/announcements', { title: 'Older', body: '1' });
    await callAdmin(stack, admin, 'POST', '/admin/announcements', {
      title: 'Newer',
      body: '<script>alert(1)</script>',
    });
    const { status, body } = await callGeneral('GET', '/api/announcements', user.idToken);
    expect(status).toBe(200);
    expect(body.announcements.map((a: Json) => a.title)).toEqual(['Newer', 'Older']);
    expect(body.announcements[0].body).toBe('<script>alert(1)</script>');
  });
});
