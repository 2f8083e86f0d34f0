import {
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPS_TOKEN_SECRET_NAME } from '../stack';
import { startTestStack, type TestStack } from '../testing/test-stack';
import { AMPLIFY_COGNITO_HEADERS } from './cors';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('the AWS edge over HTTP', () => {
  it("publishes the pool's two signing keys (ID and access tokens) as a JWKS", async () => {
    const response = await fetch(`${stack.userPool.issuer}/.well-known/jwks.json`);
    const { keys } = (await response.json()) as { keys: Array<Record<string, string>> };
    const { idToken, accessToken } = stack.userPool.signingKeys;
    expect(keys.map((k) => k.kid).sort()).toEqual([idToken.kid, accessToken.kid].sort());
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key).not.toHaveProperty('d'); // never the private part
    }
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

/*
 * CORS from a page on another site. Cognito's public operations must work from the SPA
 * (aws-amplify); a page must never read an IAM-authorised answer, a secret or `/_local/`.
 */
const FOREIGN = 'https://evil.example';

/** A JSON 1.1 call to the edge from a page on `FOREIGN`, with any extra headers. */
const callFromPage = (target: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${stack.edgeUrl}/`, {
    method: 'POST',
    headers: {
      origin: FOREIGN,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      ...headers,
    },
    body: JSON.stringify(body),
  });

/** A made-up SigV4 signature: whatever the edge answers, a page must not read it. */
const madeUpSignature = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEMADEUP001/20261121/ap-northeast-1/cognito-idp/aws4_request, SignedHeaders=host;x-amz-date, Signature=' +
    '0'.repeat(64),
  'x-amz-date': '20261121T000000Z',
};

/** A node handler that sends `Origin: FOREIGN` and keeps the answer's headers. */
class PageHandler extends NodeHttpHandler {
  answerHeaders: Record<string, string> = {};
  override async handle(request: HttpRequest, options?: Parameters<NodeHttpHandler['handle']>[1]) {
    request.headers.origin = FOREIGN;
    const out = await super.handle(request, options);
    this.answerHeaders = (out.response as HttpResponse).headers;
    return out;
  }
}

describe('the edge’s CORS, from a page on another site', () => {
  it('answers a preflight for the headers aws-amplify sends, and never for a signature', async () => {
    const response = await fetch(`${stack.edgeUrl}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: FOREIGN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'amz-sdk-invocation-id,amz-sdk-request,authorization,cache-control,content-type,x-amz-date,x-amz-security-token,x-amz-target,x-amz-user-agent',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toBe('POST');
    expect(response.headers.get('access-control-max-age')).toBe('172800');
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date',
    );
    const allowed = response.headers.get('access-control-allow-headers')!.split(',');
    expect(allowed).toEqual([...AMPLIFY_COGNITO_HEADERS]);
    for (const signing of ['authorization', 'x-amz-date', 'x-amz-security-token']) {
      expect(allowed).not.toContain(signing);
    }
  });

  it.each([
    [
      'InitiateAuth',
      'AWSCognitoIdentityProviderService.InitiateAuth',
      { AuthFlow: 'USER_SRP_AUTH' },
    ],
    [
      'GetTokensFromRefreshToken',
      'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
      {},
    ],
    ['GetUser', 'AWSCognitoIdentityProviderService.GetUser', { AccessToken: 'not-a-token' }],
    ['GetId', 'AWSCognitoIdentityService.GetId', {}],
    ['GetCredentialsForIdentity', 'AWSCognitoIdentityService.GetCredentialsForIdentity', {}],
  ])('lets the page read %s’s answer, as Cognito does', async (_, target, body) => {
    const response = await callFromPage(target, body);
    expect(response.headers.get('x-amzn-errortype')).not.toMatch(/^MissingAuthenticationToken/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it('publishes the JWKS to any origin', async () => {
    const response = await fetch(`${stack.userPool.issuer}/.well-known/jwks.json`, {
      headers: { origin: FOREIGN },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each([
    ['AdminGetUser', 'AWSCognitoIdentityProviderService.AdminGetUser'],
    ['ListUsers', 'AWSCognitoIdentityProviderService.ListUsers'],
    ['ListGroups', 'AWSCognitoIdentityProviderService.ListGroups'],
    ['GetGroup', 'AWSCognitoIdentityProviderService.GetGroup'],
    ['ListUsersInGroup', 'AWSCognitoIdentityProviderService.ListUsersInGroup'],
    ['secretsmanager GetSecretValue', 'secretsmanager.GetSecretValue'],
  ])('gives %s’s answer no CORS, unsigned or signed', async (_, target) => {
    const input = {
      UserPoolId: stack.userPool.id,
      Username: 'x',
      GroupName: 'admin',
      SecretId: 'x',
    };
    for (const headers of [{}, madeUpSignature]) {
      const response = await callFromPage(target, input, headers);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('gives a successful IAM-authorised answer no CORS either (ListUsers, GetSecretValue)', async () => {
    const config = {
      region: stack.runtimeConfig.region,
      endpoint: stack.edgeUrl,
      credentials: {
        accessKeyId: stack.operator.accessKeyId,
        secretAccessKey: stack.operator.secretAccessKey,
      },
    };
    const idpHandler = new PageHandler();
    const idp = new CognitoIdentityProviderClient({ ...config, requestHandler: idpHandler });
    const secretsHandler = new PageHandler();
    const secrets = new SecretsManagerClient({ ...config, requestHandler: secretsHandler });
    try {
      await idp.send(new ListUsersCommand({ UserPoolId: stack.userPool.id }));
      await secrets.send(new GetSecretValueCommand({ SecretId: OPS_TOKEN_SECRET_NAME }));
    } finally {
      idp.destroy();
      secrets.destroy();
    }
    for (const handler of [idpHandler, secretsHandler]) {
      expect(handler.answerHeaders['x-amzn-requestid']).toBeTruthy();
      expect(handler.answerHeaders['access-control-allow-origin']).toBeUndefined();
    }
  });
});
