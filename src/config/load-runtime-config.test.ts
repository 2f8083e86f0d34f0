import { describe, expect, it } from 'vitest';
import { loadRuntimeConfig, RuntimeConfigError } from './load-runtime-config';

const validConfig = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_AbC123xyz',
  userPoolClientId: 'abcdef1234567890',
  identityPoolId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
  userPoolEndpoint: 'http://127.0.0.1:4566',
  identityPoolEndpoint: 'http://127.0.0.1:4566',
  adminApiUrl: 'http://127.0.0.1:4567',
  generalApiUrl: '/api',
};

function respondWith(body: string, init?: ResponseInit): typeof fetch {
  return async () => new Response(body, init);
}

describe('loadRuntimeConfig', () => {
  it('fetches /config.json without the HTTP cache and returns the parsed config', async () => {
    const calls: [RequestInfo | URL, RequestInit | undefined][] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      calls.push([input, init]);
      return new Response(JSON.stringify(validConfig));
    };

    await expect(loadRuntimeConfig(fetchImpl)).resolves.toEqual(validConfig);
    expect(calls).toEqual([['/config.json', { cache: 'no-store' }]]);
  });

  it('says the file was not found on 404', async () => {
    const load = loadRuntimeConfig(respondWith('Not Found', { status: 404 }));
    await expect(load).rejects.toBeInstanceOf(RuntimeConfigError);
    await expect(load).rejects.toThrow(/^\/config\.json was not found \(HTTP 404\)\. .*npm start/);
  });

  it('reports other HTTP failures with their status', async () => {
    await expect(loadRuntimeConfig(respondWith('', { status: 503 }))).rejects.toThrow(
      '/config.json could not be loaded (HTTP 503).',
    );
  });

  it('reports a network failure', async () => {
    const fetchImpl: typeof fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(loadRuntimeConfig(fetchImpl)).rejects.toThrow(
      'Could not load /config.json (Failed to fetch).',
    );
  });

  it('recognises an HTML fallback page served in place of the file', async () => {
    await expect(
      loadRuntimeConfig(respondWith('<!doctype html><html></html>', { status: 200 })),
    ).rejects.toThrow('/config.json is not JSON (the server answered with an HTML page).');
  });

  it('names the first invalid field', async () => {
    const body = JSON.stringify({ ...validConfig, userPoolId: 'nope' });
    await expect(loadRuntimeConfig(respondWith(body))).rejects.toThrow(
      /^\/config\.json is invalid: userPoolId must look like ap-northeast-1_AbC123xyz\.$/,
    );
  });

  it('names a missing field', async () => {
    const { adminApiUrl: _omitted, ...withoutAdminApi } = validConfig;
    await expect(loadRuntimeConfig(respondWith(JSON.stringify(withoutAdminApi)))).rejects.toThrow(
      /^\/config\.json is invalid: adminApiUrl /,
    );
  });
});
