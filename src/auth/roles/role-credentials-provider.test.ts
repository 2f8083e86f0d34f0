import type { GetCredentialsOptions } from '@aws-amplify/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoleCredentialsProvider } from './role-credentials-provider';

/*
 * The provider against a fake identity pool on `fetch`, where Amplify's client sends its
 * JSON calls: which operations it makes, and what it sends.
 */
const POOL = 'ap-northeast-1:00000000-0000-4000-8000-000000000000';
const ENDPOINT = 'http://127.0.0.1:4599';
const ADMIN = 'arn:aws:iam::000000000000:role/ConsoleAdminRole';
const GENERAL = 'arn:aws:iam::000000000000:role/ConsoleGeneralRole';

interface Call {
  operation: string;
  body: Record<string, unknown>;
}
let calls: Call[];
let identityIds: string[];
let refuseIdentity: string | undefined;

function answer(status: number, body: unknown, type?: string) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': 'req',
      ...(type ? { 'x-amzn-errortype': type } : {}),
    },
  });
}

beforeEach(() => {
  calls = [];
  identityIds = ['ap-northeast-1:first', 'ap-northeast-1:second'];
  refuseIdentity = undefined;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      const operation = String(new Headers(init.headers).get('x-amz-target')).split('.')[1]!;
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      calls.push({ operation, body });
      if (operation === 'GetId') return answer(200, { IdentityId: identityIds.shift() });
      if (body.IdentityId === refuseIdentity) {
        return answer(400, { message: 'Identity not found' }, 'ResourceNotFoundException');
      }
      return answer(200, {
        IdentityId: body.IdentityId,
        Credentials: {
          AccessKeyId: `ASIA${calls.length}`,
          SecretKey: 'secret',
          SessionToken: 'token',
          Expiration: Date.now() / 1000 + 3600,
        },
      });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const token = (id: string) => ({
  toString: () => id,
  payload: {
    iss: 'https://cognito-idp.example/pool',
    sub: 'sub-ada',
    'cognito:roles': [ADMIN, GENERAL],
  },
});
const options = (idToken = token('id-1'), forceRefresh = false) =>
  ({
    authenticated: true,
    forceRefresh,
    tokens: { idToken, accessToken: token('access') },
    authConfig: {
      Cognito: {
        userPoolId: 'ap-northeast-1_Pool',
        userPoolClientId: 'client',
        identityPoolId: POOL,
        identityPoolEndpoint: ENDPOINT,
      },
    },
  }) as unknown as GetCredentialsOptions;
const operations = () => calls.map((c) => c.operation);

describe("the console's credentials provider", () => {
  it('asks for the chosen role, reuses its credentials, and asks again for another role', async () => {
    let role = GENERAL;
    const provider = createRoleCredentialsProvider(() => role);
    provider.clearCredentialsAndIdentityId();
    const first = await provider.getCredentialsAndIdentityId(options());
    await provider.getCredentialsAndIdentityId(options());
    expect(operations()).toEqual(['GetId', 'GetCredentialsForIdentity']);
    expect(calls[1]!.body).toEqual({
      IdentityId: 'ap-northeast-1:first',
      Logins: { 'cognito-idp.example/pool': 'id-1' },
      CustomRoleArn: GENERAL,
    });
    expect(first?.identityId).toBe('ap-northeast-1:first');

    role = ADMIN;
    await provider.getCredentialsAndIdentityId(options());
    expect(calls.at(-1)!.body.CustomRoleArn).toBe(ADMIN);
    // The same identity: no second GetId.
    expect(operations()).toEqual([
      'GetId',
      'GetCredentialsForIdentity',
      'GetCredentialsForIdentity',
    ]);
  });

  it('asks again for a new ID token or when told to refresh', async () => {
    const provider = createRoleCredentialsProvider(() => GENERAL);
    provider.clearCredentialsAndIdentityId();
    await provider.getCredentialsAndIdentityId(options());
    await provider.getCredentialsAndIdentityId(options(token('id-2')));
    await provider.getCredentialsAndIdentityId(options(token('id-2'), true));
    expect(operations().filter((o) => o === 'GetCredentialsForIdentity')).toHaveLength(3);
  });

  it('sends no CustomRoleArn when no role is chosen, and leaves the choice to the pool', async () => {
    const provider = createRoleCredentialsProvider(() => undefined);
    provider.clearCredentialsAndIdentityId();
    await provider.getCredentialsAndIdentityId(options());
    expect(calls[1]!.body).not.toHaveProperty('CustomRoleArn');
  });

  it('gets a new identity once when the kept one is unknown to the pool', async () => {
    const provider = createRoleCredentialsProvider(() => GENERAL);
    provider.clearCredentialsAndIdentityId();
    refuseIdentity = 'ap-northeast-1:first';
    const result = await provider.getCredentialsAndIdentityId(options());
    expect(operations()).toEqual([
      'GetId',
      'GetCredentialsForIdentity',
      'GetId',
      'GetCredentialsForIdentity',
    ]);
    expect(result?.identityId).toBe('ap-northeast-1:second');
  });

  it('forgets credentials and identity at sign-out, and gives none to a guest', async () => {
    const provider = createRoleCredentialsProvider(() => GENERAL);
    provider.clearCredentialsAndIdentityId();
    await provider.getCredentialsAndIdentityId(options());
    provider.clearCredentialsAndIdentityId();
    await provider.getCredentialsAndIdentityId(options());
    expect(operations()).toEqual([
      'GetId',
      'GetCredentialsForIdentity',
      'GetId',
      'GetCredentialsForIdentity',
    ]);
    const guest = {
      ...options(),
      authenticated: false,
      tokens: undefined,
    } as unknown as GetCredentialsOptions;
    expect(await provider.getCredentialsAndIdentityId(guest)).toBeUndefined();
  });
});
