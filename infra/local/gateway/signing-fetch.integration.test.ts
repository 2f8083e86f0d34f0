import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsCredentials, CredentialsSource } from '../../../src/api/credentials-cache';
import { decodeApiError } from '../../../src/api/api-error';
import { createSigningFetch } from '../../../src/api/signing-fetch';
import { close } from '../net';
import { loginsFor, signIn, type SignedInCaller } from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/*
 * The SPA's signing fetch (src/api) against the running local admin API: what it does beyond
 * signing (credential refresh, clock skew, retries) exercised against real refusals.
 */
let stack: TestStack;
let admin: SignedInCaller;
beforeAll(async () => {
  stack = await startTestStack();
  admin = (await createMfaAdmin(stack)).caller;
});
afterAll(() => stack.stop());

/** Credentials from the identity pool, as fetchAuthSession gets them, counting each fetch. */
function identityPoolCredentials() {
  const source = {
    fetches: 0,
    get: (async () => {
      source.fetches++;
      const { Credentials } = await stack.identity.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: admin.identityId,
          Logins: loginsFor(admin.idToken),
        }),
      );
      return {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretKey!,
        sessionToken: Credentials!.SessionToken!,
        expiration: Credentials!.Expiration!,
      } satisfies AwsCredentials;
    }) as CredentialsSource,
  };
  return source;
}

/** The real fetch, counting what goes on the wire. */
function countingFetch() {
  const wire = {
    requests: 0,
    fetch: (async (...args: Parameters<typeof fetch>) => {
      wire.requests++;
      return fetch(...args);
    }) as typeof fetch,
  };
  return wire;
}

describe('the signing fetch against the admin API', () => {
  it('signs GETs with a query and POSTs with a JSON body that the gateway accepts', async () => {
    const signed = createSigningFetch({
      region: 'ap-northeast-1',
      credentials: identityPoolCredentials().get,
    });
    const list = await signed(
      `${stack.apiUrls.admin}/admin/users?limit=5&attribute=email&value=a+b%2Cc`,
    );
    expect(list.status).toBe(200);
    const post = await signed(`${stack.apiUrls.admin}/admin/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Signed', body: 'by the SPA’s fetch' }),
    });
    expect(post.status).toBe(201);
  });

  it('reuses credentials across calls', async () => {
    const source = identityPoolCredentials();
    const signed = createSigningFetch({ region: 'ap-northeast-1', credentials: source.get });
    for (let i = 0; i < 3; i++)
      expect((await signed(`${stack.apiUrls.admin}/admin/whoami`)).status).toBe(200);
    expect(source.fetches).toBe(1);
  });

  it('refreshes expired credentials once and re-signs, sharing one refresh between concurrent calls', async () => {
    const source = identityPoolCredentials();
    const signed = createSigningFetch({ region: 'ap-northeast-1', credentials: source.get });
    expect((await signed(`${stack.apiUrls.admin}/admin/whoami`)).status).toBe(200);
    stack.credentials.expireIdentity(admin.identityId);
    const answers = await Promise.all(
      [1, 2, 3].map(() => signed(`${stack.apiUrls.admin}/admin/whoami`)),
    );
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(source.fetches).toBe(2);
  });

  it('refreshes credentials ahead of their expiry', async () => {
    const source = identityPoolCredentials();
    const signed = createSigningFetch({
      region: 'ap-northeast-1',
      credentials: source.get,
      // Issued credentials live an hour: a margin over that refreshes before every call.
      refreshAheadMs: 2 * 3600 * 1000,
    });
    await signed(`${stack.apiUrls.admin}/admin/whoami`);
    await signed(`${stack.apiUrls.admin}/admin/whoami`);
    expect(source.fetches).toBe(2);
  });

  it('corrects a slow device clock from the API’s Date once, and keeps the correction', async () => {
    const wire = countingFetch();
    const signed = createSigningFetch({
      region: 'ap-northeast-1',
      credentials: identityPoolCredentials().get,
      fetch: wire.fetch,
      now: () => Date.now() - 17 * 60 * 1000,
    });
    expect((await signed(`${stack.apiUrls.admin}/admin/whoami`)).status).toBe(200);
    expect(wire.requests).toBe(2);
    expect((await signed(`${stack.apiUrls.admin}/admin/whoami`)).status).toBe(200);
    expect(wire.requests).toBe(3);
  });

  it('corrects a fast device clock too', async () => {
    const signed = createSigningFetch({
      region: 'ap-northeast-1',
      credentials: identityPoolCredentials().get,
      now: () => Date.now() + 42 * 60 * 1000,
    });
    expect((await signed(`${stack.apiUrls.admin}/admin/whoami`)).status).toBe(200);
  });

  it('hands back a refusal new credentials cannot cure', async () => {
    const general = await signIn(stack, { email: 'user@example.com', password: 'User-Passw0rd!' });
    const signed = createSigningFetch({
      region: 'ap-northeast-1',
      credentials: async () => general.credentials,
    });
    const response = await signed(`${stack.apiUrls.admin}/admin/whoami`);
    expect(response.status).toBe(403);
    const error = await decodeApiError(response);
    expect(error.kind).toBe('AccessDenied');
    expect(error.message).toMatch(
      /assumed-role\/ConsoleGeneralRole\/.* is not authorized to perform: execute-api:Invoke/,
    );
  });
});

describe('retries', () => {
  let server: Server;
  let url: string;
  const seen: string[] = [];
  let failures = 0;
  beforeAll(async () => {
    // A real server that fails the first `failures` requests with 503.
    server = createServer((req, res) => {
      seen.push(req.method!);
      res.writeHead(failures-- > 0 ? 503 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local/admin/whoami`;
  });
  afterAll(() => close(server));

  const fetchWith = (sleeps: number[]) =>
    createSigningFetch({
      region: 'ap-northeast-1',
      credentials: async () => admin.credentials,
      sleep: async (ms) => void sleeps.push(ms),
      random: () => 1,
    });

  it('retries a GET on 503 with capped exponential backoff', async () => {
    seen.length = 0;
    failures = 2;
    const sleeps: number[] = [];
    expect((await fetchWith(sleeps)(url)).status).toBe(200);
    expect(seen).toEqual(['GET', 'GET', 'GET']);
    expect(sleeps).toEqual([200, 400]);
  });

  it('gives up after three tries and hands back the last answer', async () => {
    seen.length = 0;
    failures = 5;
    expect((await fetchWith([])(url)).status).toBe(503);
    expect(seen).toHaveLength(3);
  });

  it.each(['POST', 'PUT', 'DELETE'])('never sends a %s twice', async (method) => {
    seen.length = 0;
    failures = 1;
    expect(
      (await fetchWith([])(url, { method, body: method === 'DELETE' ? undefined : '{}' })).status,
    ).toBe(503);
    expect(seen).toEqual([method]);
  });

  it('retries a GET after a network error, but not a POST', async () => {
    const deadUrl = 'http://127.0.0.1:9/local/admin/whoami';
    const sleeps: number[] = [];
    await expect(fetchWith(sleeps)(deadUrl)).rejects.toThrow();
    expect(sleeps).toHaveLength(2);
    const postSleeps: number[] = [];
    await expect(fetchWith(postSleeps)(deadUrl, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(postSleeps).toHaveLength(0);
  });
});
