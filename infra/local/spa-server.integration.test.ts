import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpaServer, type SpaServer } from './spa-server';
import { SEEDED_USER, signIn } from './testing/callers';
import { startTestStack, type TestStack } from './testing/test-stack';

let stack: TestStack;
let spa: SpaServer;
beforeAll(async () => {
  stack = await startTestStack();
  spa = await startSpaServer('dev', stack.settings, stack.runtimeConfig, stack.apiUrls.general);
}, 30_000);
afterAll(async () => {
  await spa.close();
  await stack.stop();
});

describe('the SPA’s origin', () => {
  it('serves the stack’s runtime config, with the admin API at its stage', async () => {
    const config = (await (await fetch(`${spa.url}/config.json`)).json()) as Record<string, string>;
    expect(config.adminApiUrl).toBe(stack.apiUrls.admin);
    expect(config.adminApiUrl).toMatch(/\/local$/);
    expect(config.generalApiUrl).toBe('/api');
  });

  it('passes /api/* to the general API with the caller’s ID token, as CloudFront does', async () => {
    const { idToken } = await signIn(stack, SEEDED_USER);
    const response = await fetch(`${spa.url}/api/me`, { headers: { authorization: idToken } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ email: 'user@example.com' });
    const refused = await fetch(`${spa.url}/api/me`);
    expect(refused.status).toBe(401);
  });

  /** GET /config.json from the SPA server with `Host` as given. */
  const getWithHost = (host: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const { port } = new URL(spa.url);
      const req = request(
        { host: '127.0.0.1', port, path: '/config.json', headers: { host } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('refuses a page whose name was rebound to it (DNS rebinding) with 403', async () => {
    const { port } = new URL(spa.url);
    expect((await getWithHost(`rebound.example:${port}`)).status).toBe(403);
    // Vite's own check lets these through; the stack's, as on every other server, does not.
    for (const host of [`rebound.localhost:${port}`, `127.0.0.1:${Number(port) + 1}`]) {
      const answer = await getWithHost(host);
      expect(answer.status).toBe(403);
      expect(answer.body).toContain('DNS rebinding');
    }
    expect((await getWithHost(`localhost:${port}`)).status).toBe(200);
  });

  it('proxies /api/* with the general API’s own Host, so that server does not refuse it', async () => {
    // 401 is the general API's authorizer (no token); a Host it refused would be a 403.
    const response = await fetch(`${spa.url}/api/me`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });
});

describe('the dev server, with the state directory under its root (as `.local/` is)', () => {
  let project: string;
  let stateStack: TestStack;
  let dev: SpaServer;
  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'console-project-'));
    writeFileSync(join(project, 'hello.txt'), 'served');
    stateStack = await startTestStack(join(project, '.local'));
    dev = await startSpaServer(
      'dev',
      stateStack.settings,
      stateStack.runtimeConfig,
      stateStack.apiUrls.general,
      project,
    );
  }, 30_000);
  afterAll(async () => {
    await dev.close();
    await stateStack.stop();
    rmSync(project, { recursive: true, force: true });
  });

  it('serves the project’s files, to the SPA’s own origin only', async () => {
    const response = await fetch(`${dev.url}/hello.txt`, {
      headers: { origin: 'http://localhost:3000' },
    });
    expect(await response.text()).toBe('served');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    '/.local/aws-credentials',
    '/.local/credentials.json',
    '/.local/secrets.json',
    '/%2elocal/aws-credentials',
    '/.local/aws-credentials?import',
    '/@fs{project}/.local/aws-credentials',
  ])('never serves the state directory: %s', async (path) => {
    const response = await fetch(`${dev.url}${path.replace('{project}', project)}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('aws_secret_access_key');
  });
});
