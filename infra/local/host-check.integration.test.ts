import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '@contract';
import { SEEDED_ADMIN, SEEDED_USER, signedFetch, signIn } from './testing/callers';
import { startTestStack, type TestStack } from './testing/test-stack';

/*
 * DNS rebinding: a page on rebound.example whose name an attacker points at 127.0.0.1 can make
 * the browser send requests to a local server, but with `Host: rebound.example:PORT`. Every
 * server of the stack refuses those, and still answers its real clients.
 */
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
}, 60_000);
afterAll(() => stack.stop());

/** Each server's port and a path it answers without credentials. */
const servers = () =>
  ({
    edge: [stack.settings.ports.edge, '/_local/health'],
    'admin API': [stack.settings.ports.adminApi, '/local/admin/whoami'],
    'general API': [stack.settings.ports.generalApi, '/local/api/me'],
    'ops API': [stack.settings.ports.opsApi, routesOf('ops')[0]![1].path],
    // The functions' (and any SDK's) DynamoDB endpoint: a rebound page must not reach the data.
    'DynamoDB front': [stack.settings.ports.dynamoDb, '/'],
  }) as const;
const SERVER_NAMES = ['edge', 'admin API', 'general API', 'ops API', 'DynamoDB front'] as const;

/** GET `path` on 127.0.0.1:`port`, with `Host` as given. */
const get = (port: number, path: string, host: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('every local server answers only to its own Host', () => {
  it.each(SERVER_NAMES)('the %s refuses a rebound name with 403 and says why', async (name) => {
    const [port, path] = servers()[name];
    const answer = await get(port, path, `rebound.example:${port}`);
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('DNS rebinding');
  });

  it.each(SERVER_NAMES)('the %s refuses its own name on another port', async (name) => {
    const [port, path] = servers()[name];
    expect((await get(port, path, `127.0.0.1:${port + 1}`)).body).toContain('DNS rebinding');
  });

  it.each(SERVER_NAMES)(
    'the %s answers 127.0.0.1, localhost and [::1] with its port alike',
    async (name) => {
      const [port, path] = servers()[name];
      const answers = await Promise.all(
        ['127.0.0.1', 'localhost', '[::1]'].map((host) => get(port, path, `${host}:${port}`)),
      );
      for (const answer of answers) {
        expect(answer.body).not.toContain('DNS rebinding');
        expect(answer.status).toBe(answers[0]!.status);
      }
    },
  );
});

describe('real clients still reach it', () => {
  it('the AWS SDK signs in at the edge; a signed fetch calls the admin API', async () => {
    const admin = await signIn(stack, SEEDED_ADMIN);
    const response = await signedFetch(`${stack.apiUrls.admin}/admin/whoami`, admin.credentials);
    expect(response.status).toBe(200);
  });

  it('fetch calls the general API with an ID token', async () => {
    const user = await signIn(stack, SEEDED_USER);
    const response = await fetch(`${stack.apiUrls.general}/api/me`, {
      headers: { authorization: user.idToken },
    });
    expect(response.status).toBe(200);
  });
});
