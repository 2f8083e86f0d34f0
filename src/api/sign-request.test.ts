import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY } from './retry-policy';
import { createCredentialsCache } from './credentials-cache';
import { canonicalUrl } from './sign-request';

describe('canonicalUrl', () => {
  it.each([
    ['a space written as +', '?email=a+b', '?email=a%20b'],
    ['a raw comma and reserved characters', "?q=a,b!'()*", '?q=a%2Cb%21%27%28%29%2A'],
    ['an already-encoded value, kept as the same value', '?actor=%2541', '?actor=%2541'],
    ['a plus sign sent as %2B', '?email=a%2Bb', '?email=a%2Bb'],
    ['repeated keys, in their order', '?k=2&k=1', '?k=2&k=1'],
  ])('writes %s in the encoding SigV4 signs', (_, query, expected) => {
    expect(canonicalUrl(`https://api.example/prod/admin/users${query}`).search).toBe(expected);
  });
});

describe('the credentials cache', () => {
  const credentials = (id: string, expiresInMs: number, now: number) => ({
    accessKeyId: id,
    secretAccessKey: 's',
    expiration: new Date(now + expiresInMs),
  });

  it('shares one fetch between concurrent callers', async () => {
    let fetches = 0;
    const cache = createCredentialsCache(
      async () => credentials(`K${++fetches}`, 3_600_000, Date.now()),
      { refreshAheadMs: 300_000, now: Date.now },
    );
    const got = await Promise.all([cache.get(), cache.get(), cache.get()]);
    expect(got.map((c) => c.accessKeyId)).toEqual(['K1', 'K1', 'K1']);
    expect(fetches).toBe(1);
  });

  it('refreshes only credentials that are still current, and asks the source to force it', async () => {
    const asked: boolean[] = [];
    let n = 0;
    const cache = createCredentialsCache(
      async ({ forceRefresh }) => {
        asked.push(forceRefresh);
        return credentials(`K${++n}`, 3_600_000, Date.now());
      },
      { refreshAheadMs: 0, now: Date.now },
    );
    const first = await cache.get();
    const second = await cache.refresh(first);
    expect(second.accessKeyId).toBe('K2');
    expect((await cache.refresh(first)).accessKeyId).toBe('K2');
    expect(asked).toEqual([false, true]);
  });

  it('fetches again within the margin before expiry', async () => {
    let now = 0;
    let n = 0;
    const cache = createCredentialsCache(async () => credentials(`K${++n}`, 600_000, now), {
      refreshAheadMs: 300_000,
      now: () => now,
    });
    expect((await cache.get()).accessKeyId).toBe('K1');
    now = 299_000;
    expect((await cache.get()).accessKeyId).toBe('K1');
    now = 301_000;
    expect((await cache.get()).accessKeyId).toBe('K2');
  });
});

describe('backoff', () => {
  it('grows exponentially up to the cap, scaled by jitter', () => {
    const delays = [0, 1, 2, 3, 4].map((retry) => backoffMs(DEFAULT_RETRY, retry, () => 1));
    expect(delays).toEqual([200, 400, 800, 1600, 2000]);
    expect(backoffMs(DEFAULT_RETRY, 3, () => 0.5)).toBe(800);
  });
});
