import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../testing/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const origin = 'http://127.0.0.1:5173';

describe('the AWS edge over HTTP', () => {
  it('answers CORS preflight for Cognito calls from any origin, as Cognito does', async () => {
    const response = await fetch(`${stack.edgeUrl}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target,x-amz-user-agent',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type,x-amz-target,x-amz-user-agent',
    );
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it("publishes the pool's signing key as a JWKS", async () => {
    const response = await fetch(`${stack.userPool.issuer}/.well-known/jwks.json`);
    const { keys } = (await response.json()) as { keys: Array<Record<string, string>> };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      kid: stack.userPool.signingKey.kid,
    });
    expect(keys[0]).not.toHaveProperty('d'); // never the private part
  });

  it('keeps /_local/ unreadable from web pages: no CORS, JSON-only writes', async () => {
    const outbox = await fetch(`${stack.edgeUrl}/_local/outbox`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(outbox.status).toBe(200);
    expect(outbox.headers.get('access-control-allow-origin')).toBeNull();

    const simplePost = await fetch(`${stack.edgeUrl}/_local/credentials/expire`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ identityId: 'x' }),
    });
    expect(simplePost.status).toBe(415);
  });

  it('reports health and answers unknown paths with 404', async () => {
    expect(await (await fetch(`${stack.edgeUrl}/_local/health`)).json()).toEqual({
      status: 'ok',
      userPoolId: stack.userPool.id,
      identityPoolId: stack.identityPool.id,
    });
    expect((await fetch(`${stack.edgeUrl}/nothing-here`)).status).toBe(404);
  });
});
