import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isLoopbackHost, loadConfig } from './config';
import { UsageError } from './usage';

const CONFIG = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_AbC123xyz',
  userPoolClientId: '4abc5def6ghi7jkl8mno9pqr0s',
  identityPoolId: 'ap-northeast-1:11111111-2222-3333-4444-555555555555',
  adminApiUrl: 'http://127.0.0.1:4567/local',
  generalApiUrl: '/api',
};

/** A console on loopback: its config.json, and addresses that redirect elsewhere. */
let server: Server;
let base: string;
const hits: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/leaky.json') {
      const leaky = { ...CONFIG, adminApiUrl: 'http://admin.example.com/prod' };
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(leaky));
    }
    const redirect = {
      '/moved.json': '/config.json',
      '/elsewhere.json': 'https://attacker.example/config.json',
    }[req.url ?? ''];
    if (redirect) {
      res.writeHead(302, { location: redirect }).end();
    } else if (req.url === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(CONFIG));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function refusal(where: string): Promise<unknown> {
  return loadConfig(where).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('--config', () => {
  it('reads config.json from the console on this machine over plain HTTP', async () => {
    await expect(loadConfig(`${base}/config.json`)).resolves.toEqual({
      config: expect.objectContaining({ userPoolId: CONFIG.userPoolId }),
      origin: base,
    });
  });

  it('follows no redirect, even to the same server, and says where it pointed', async () => {
    hits.length = 0;
    const error = await refusal(`${base}/moved.json`);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `the config at ${base}/moved.json answered 302, a redirect to /config.json: the CLI follows no redirects for its config, so give the address it should be read from`,
    );
    expect(hits).toEqual(['/moved.json']);
  });

  it('follows no redirect to another host', async () => {
    const error = await refusal(`${base}/elsewhere.json`);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(
      'a redirect to https://attacker.example/config.json',
    );
  });

  it('refuses plain HTTP from any other host before connecting', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      for (const where of [
        'http://console.example.com/config.json',
        'http://10.0.0.5:5173/config.json',
        'http://0.0.0.0:5173/config.json',
        'http://127.0.0.1.example.com/config.json',
      ]) {
        const error = await refusal(where);
        expect(error, where).toBeInstanceOf(UsageError);
        expect((error as Error).message).toBe(
          `the config at ${where} would come over plain HTTP, which anyone on the way can rewrite: use https:// (http:// only for 127.0.0.1, ::1 or localhost)`,
        );
      }
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('asks fetch for HTTPS addresses without following redirects', async () => {
    const fetchSpy = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(Response.json(CONFIG, { status: 200 }));
    try {
      await loadConfig('https://console.example.com/config.json');
      expect(fetchSpy).toHaveBeenCalledWith(new URL('https://console.example.com/config.json'), {
        redirect: 'manual',
      });
    } finally {
      fetchSpy.mockRestore();
    }
  });

  it('refuses a config that sends signed calls over plain HTTP to another host', async () => {
    const error = await refusal(`${base}/leaky.json`);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(
      'sends adminApiUrl over plain HTTP (http://admin.example.com/prod)',
    );
  });

  it('counts only this machine as loopback', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '[::1]']) {
      expect(isLoopbackHost(new URL(`http://${host}/`).hostname), host).toBe(true);
    }
    for (const host of [
      'localhost.example.com',
      '127.0.0.1.nip.io',
      '[::ffff:7f00:1]',
      '0.0.0.0',
    ]) {
      expect(isLoopbackHost(new URL(`http://${host}/`).hostname), host).toBe(false);
    }
  });
});
