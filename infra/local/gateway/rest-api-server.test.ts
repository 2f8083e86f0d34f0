import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { roleArn, type ApiStage } from '@contract';
import type { TemporaryCredentials } from '../iam/credentials';
import { LocalFunction } from '../lambda/local-function';
import { close, listenOnAnyPort } from '../net';
import { signedFetch } from '../testing/callers';
import { IamAuthorizer } from './iam-authorizer';
import { createRestApiServer } from './rest-api-server';

/*
 * What API Gateway does when the integration misbehaves: a function that throws, or one that
 * answers something that is not a proxy response, is a 502 "Internal server error", logged
 * with the request id.
 */
const stage: ApiStage = {
  region: 'ap-northeast-1',
  accountId: '000000000000',
  apiId: 'testapi001',
  stage: 'local',
};
const caller: TemporaryCredentials = {
  accessKeyId: 'ASIAEXAMPLECALLER001',
  secretAccessKey: 'test-secret',
  sessionToken: 'test-session',
  roleArn: roleArn(stage.accountId, 'admin'),
  assumedRoleArn:
    'arn:aws:sts::000000000000:assumed-role/ConsoleAdminRole/CognitoIdentityCredentials',
  identityId: 'ap-northeast-1:caller',
  identityPoolId: 'ap-northeast-1:pool',
  authenticationProvider:
    'cognito-idp.ap-northeast-1.amazonaws.com/pool,cognito-idp.ap-northeast-1.amazonaws.com/pool:CognitoSignIn:sub',
  issuedAt: Date.now(),
  expiresAt: Date.now() + 3_600_000,
};

const dir = mkdtempSync(join(tmpdir(), 'gateway-fn-'));
const servers: Server[] = [];
const functions: LocalFunction[] = [];
afterAll(async () => {
  await Promise.all(servers.map(close));
  await Promise.all(functions.map((f) => f.close()));
  rmSync(dir, { recursive: true, force: true });
});
let errors: ReturnType<typeof vi.spyOn>;
beforeAll(() => {
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => errors.mockClear());

/** A gateway in front of a function whose handler is `source`. */
async function gatewayFor(name: string, source: string): Promise<string> {
  const bundlePath = join(dir, `${name}.mjs`);
  writeFileSync(bundlePath, source);
  const fn = new LocalFunction({
    name,
    bundlePath,
    environment: {},
    timeoutMs: 5000,
    roleCredentials: () => ({ ...caller, expiresAt: Date.now() + 3_600_000 }),
    now: Date.now,
  });
  functions.push(fn);
  const server = createRestApiServer({
    api: 'admin',
    stage,
    authorizer: {
      type: 'AWS_IAM',
      iam: new IamAuthorizer({
        stage,
        now: Date.now,
        findCredentials: (key) => (key === caller.accessKeyId ? caller : undefined),
      }),
    },
    function: fn,
    allowedOrigins: [],
    now: Date.now,
  });
  const port = await listenOnAnyPort(server, 'adminApi', '127.0.0.1');
  servers.push(server);
  return `http://127.0.0.1:${port}/local/admin/whoami`;
}

describe('a misbehaving integration', () => {
  it('answers 502 Internal server error when the function throws, and logs it with the request id', async () => {
    const url = await gatewayFor(
      'throws',
      `export const handler = async () => { throw new TypeError('boom'); };`,
    );
    const response = await signedFetch(url, caller);
    expect(response.status).toBe(502);
    expect(response.headers.get('x-amzn-errortype')).toBe('InternalServerErrorException');
    expect(await response.json()).toEqual({ message: 'Internal server error' });
    const requestId = response.headers.get('x-amzn-requestid')!;
    expect(String(errors.mock.calls[0]?.[0])).toContain(requestId);
    expect(String(errors.mock.calls[0]?.[0])).toContain('TypeError: boom');
  });

  it('answers 502 when the function’s answer is not a proxy response', async () => {
    const url = await gatewayFor(
      'malformed',
      `export const handler = async () => ({ status: 'fine' });`,
    );
    const response = await signedFetch(url, caller);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
  });

  it('passes a proxy response through: status, headers and a base64 body', async () => {
    const url = await gatewayFor(
      'binary',
      `export const handler = async (event) => ({ statusCode: 207, headers: { 'content-type': 'application/octet-stream', 'x-resource': event.resource }, body: Buffer.from([1, 2, 3]).toString('base64'), isBase64Encoded: true });`,
    );
    const response = await signedFetch(url, caller);
    expect(response.status).toBe(207);
    expect(response.headers.get('x-resource')).toBe('/admin/whoami');
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('starts a fresh instance after a crash, as Lambda would', async () => {
    // The first instance crashes before it answers, so the crash is known when its 502
    // arrives (no sleep decides which instance the next call finds). The marker file outlives
    // the instance; the counter does not, so '1' proves the second call ran in a fresh one.
    const marker = join(dir, 'crashed-once');
    const url = await gatewayFor(
      'crashes-once',
      `import { existsSync, writeFileSync } from 'node:fs';
       let calls = 0;
       export const handler = () => new Promise((resolve) => {
         calls += 1;
         if (!existsSync(${JSON.stringify(marker)})) {
           writeFileSync(${JSON.stringify(marker)}, '');
           setTimeout(() => { throw new Error('crash'); });
         } else resolve({ statusCode: 200, body: String(calls) });
       });`,
    );
    expect((await signedFetch(url, caller)).status).toBe(502);
    const second = await signedFetch(url, caller);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe('1');
  });
});
