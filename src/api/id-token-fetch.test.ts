import { describe, expect, it } from 'vitest';
import { createIdTokenFetch, type IdToken } from './id-token-fetch';

const NOW = Date.parse('2026-11-21T00:00:00Z');

function tokens(lifetimeMs = 3600_000) {
  const source = {
    calls: [] as boolean[],
    get: async ({ forceRefresh }: { forceRefresh: boolean }): Promise<IdToken> => {
      source.calls.push(forceRefresh);
      return { token: `token-${source.calls.length}`, expiration: new Date(NOW + lifetimeMs) };
    },
  };
  return source;
}

function server(answers: Array<number | Error>) {
  const wire = {
    sent: [] as Array<{ method: string; authorization: string | null }>,
    fetch: (async (_input: RequestInfo | URL, init?: RequestInit) => {
      wire.sent.push({
        method: init?.method ?? 'GET',
        authorization: new Headers(init?.headers).get('authorization'),
      });
      const answer = answers.shift() ?? 200;
      if (answer instanceof Error) throw answer;
      return new Response(answer === 204 ? null : '{}', { status: answer });
    }) as typeof fetch,
  };
  return wire;
}

const options = { now: () => NOW, sleep: async () => {}, random: () => 0.5 };

describe('the ID-token fetch for the general API', () => {
  it('sends the ID token as Authorization and reuses it', async () => {
    const source = tokens();
    const wire = server([200, 200]);
    const send = createIdTokenFetch({ idToken: source.get, fetch: wire.fetch, ...options });
    await send('/api/me');
    await send('/api/announcements');
    expect(wire.sent.map((s) => s.authorization)).toEqual(['token-1', 'token-1']);
    expect(source.calls).toEqual([false]);
  });

  it('refreshes a token about to expire before using it', async () => {
    const source = tokens(30_000);
    const wire = server([200, 200]);
    const send = createIdTokenFetch({ idToken: source.get, fetch: wire.fetch, ...options });
    await send('/api/me');
    await send('/api/me');
    expect(source.calls).toEqual([false, true]);
  });

  it('refreshes once and resends a PUT the authorizer refused with 401', async () => {
    const source = tokens();
    const wire = server([401, 200]);
    const send = createIdTokenFetch({ idToken: source.get, fetch: wire.fetch, ...options });
    const response = await send('/api/me', { method: 'PUT', body: '{}' });
    expect(response.status).toBe(200);
    expect(wire.sent).toEqual([
      { method: 'PUT', authorization: 'token-1' },
      { method: 'PUT', authorization: 'token-2' },
    ]);
  });

  it('gives up after one refresh when 401 persists', async () => {
    const wire = server([401, 401, 401]);
    const send = createIdTokenFetch({ idToken: tokens().get, fetch: wire.fetch, ...options });
    expect((await send('/api/me')).status).toBe(401);
    expect(wire.sent).toHaveLength(2);
  });

  it('retries a GET on 5xx and network errors, never a PUT', async () => {
    const get = server([503, new TypeError('Failed to fetch'), 200]);
    const sendGet = createIdTokenFetch({ idToken: tokens().get, fetch: get.fetch, ...options });
    expect((await sendGet('/api/announcements')).status).toBe(200);
    expect(get.sent).toHaveLength(3);

    const put = server([503]);
    const sendPut = createIdTokenFetch({ idToken: tokens().get, fetch: put.fetch, ...options });
    expect((await sendPut('/api/me', { method: 'PUT', body: '{}' })).status).toBe(503);
    expect(put.sent).toHaveLength(1);

    const lost = server([new TypeError('Failed to fetch')]);
    const sendLost = createIdTokenFetch({ idToken: tokens().get, fetch: lost.fetch, ...options });
    await expect(sendLost('/api/me', { method: 'PUT', body: '{}' })).rejects.toThrow(TypeError);
    expect(lost.sent).toHaveLength(1);
  });
});
