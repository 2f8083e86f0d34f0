import { describe, expect, it } from 'vitest';
import { createAuthorisedFetch, type Authorisation } from './authorised-fetch';
import { createExpiringCache, type Expiring } from './credentials-cache';

/** A credential that never expires: only refusals make the core ask for another. */
interface Key extends Expiring {
  id: number;
}

/** What the core keeps of a call between tries: here, its method and which call it was. */
interface Prepared {
  method: string;
  call: number;
}

/** A server that answers in turn: a status (with an optional error type) or a network error. */
function server(answers: Array<number | [number, string] | Error>) {
  const wire = {
    sent: [] as Array<{ method: string; key: string | null }>,
    fetch: (async (_input: RequestInfo | URL, init?: RequestInit) => {
      wire.sent.push({ method: init!.method!, key: new Headers(init?.headers).get('x-key') });
      const answer = answers.shift() ?? 200;
      if (answer instanceof Error) throw answer;
      const [status, errorType] = typeof answer === 'number' ? [answer, ''] : answer;
      return new Response('{}', { status, headers: { 'x-error': errorType } });
    }) as typeof fetch,
  };
  return wire;
}

/** Keys numbered in the order the source hands them out; the key goes in `x-key`. */
function authorisation(
  cures: { reauthorise?: (response: Response) => Promise<boolean> } = {},
): Authorisation<Key, Prepared> & { prepared: number } {
  let issued = 0;
  const state = {
    prepared: 0,
    credentials: createExpiringCache<Key>(async () => ({ id: ++issued }), {
      refreshAheadMs: 0,
      now: Date.now,
    }),
    prepare: ({ method }: { method: string }) => ({ method, call: ++state.prepared }),
    authorise: ({ method, call }: Prepared, key: Key) => ({
      input: 'https://api.example/x',
      init: { method, headers: { 'x-key': `${key.id}`, 'x-call': `${call}` } },
    }),
    freshCredentialCures: (response: Response) => response.headers.get('x-error') === 'Expired',
    reauthorisingCures: cures.reauthorise,
  };
  return state;
}

const timing = (sleeps: number[] = []) => ({
  sleep: async (ms: number) => void sleeps.push(ms),
  random: () => 1,
});

describe('the authorised fetch core', () => {
  it('prepares a call once, however many tries it takes', async () => {
    const auth = authorisation();
    const wire = server([503, [401, 'Expired'], 200]);
    const send = createAuthorisedFetch(auth, { fetch: wire.fetch, ...timing() });
    expect((await send('https://api.example/x')).status).toBe(200);
    expect(auth.prepared).toBe(1);
  });

  it('sends again once with a fresh credential when the refusal is one it cures', async () => {
    const wire = server([[403, 'Expired'], [403, 'Expired'], 200]);
    const send = createAuthorisedFetch(authorisation(), { fetch: wire.fetch, ...timing() });
    expect((await send('https://api.example/x', { method: 'post' })).status).toBe(403);
    expect(wire.sent).toEqual([
      { method: 'POST', key: '1' },
      { method: 'POST', key: '2' },
    ]);
  });

  it('authorises again once with the same credential for the refusals re-authorising cures', async () => {
    const asked: number[] = [];
    const reauthorise = async (response: Response) => {
      asked.push(response.status);
      return response.headers.get('x-error') === 'Skew';
    };
    const wire = server([
      [403, 'Skew'],
      [403, 'Expired'],
      [403, 'Skew'],
    ]);
    const send = createAuthorisedFetch(authorisation({ reauthorise }), {
      fetch: wire.fetch,
      ...timing(),
    });
    expect((await send('https://api.example/x', { method: 'PUT' })).status).toBe(403);
    // Skew cured with key 1, expiry with key 2, and the second skew is handed back.
    expect(wire.sent.map((s) => s.key)).toEqual(['1', '1', '2']);
    expect(asked).toEqual([403]);
  });

  it('counts no cure as a try: a GET keeps its retries', async () => {
    const sleeps: number[] = [];
    const wire = server([[403, 'Expired'], 503, 503, 200]);
    const send = createAuthorisedFetch(authorisation(), { fetch: wire.fetch, ...timing(sleeps) });
    expect((await send('https://api.example/x')).status).toBe(200);
    expect(wire.sent).toHaveLength(4);
    expect(sleeps).toEqual([200, 400]);
  });

  it('never sends anything but GET or HEAD again once it may have reached the server', async () => {
    const lost = server([new TypeError('Failed to fetch')]);
    const sendLost = createAuthorisedFetch(authorisation(), { fetch: lost.fetch, ...timing() });
    await expect(sendLost('https://api.example/x', { method: 'DELETE' })).rejects.toThrow(
      TypeError,
    );
    const failed = server([502]);
    const sendFailed = createAuthorisedFetch(authorisation(), { fetch: failed.fetch, ...timing() });
    expect((await sendFailed('https://api.example/x', { method: 'POST' })).status).toBe(502);
    expect([lost.sent.length, failed.sent.length]).toEqual([1, 1]);
  });

  it('does not retry a GET its caller aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const wire = server([new DOMException('aborted', 'AbortError')]);
    const send = createAuthorisedFetch(authorisation(), { fetch: wire.fetch, ...timing() });
    await expect(send('https://api.example/x', { signal: controller.signal })).rejects.toThrow(
      'aborted',
    );
    expect(wire.sent).toHaveLength(1);
  });
});
