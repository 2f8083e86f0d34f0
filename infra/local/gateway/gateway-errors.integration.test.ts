import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORS_MAX_AGE_SECONDS } from '@contract';
import {
  SEEDED_USER,
  signedFetch,
  signIn,
  signRequest,
  type SignedInCaller,
} from '../testing/callers';
import { createMfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/*
 * One test per row of DESIGN.md's error table, over HTTP against the running gateway, with
 * the status, `x-amzn-ErrorType` and message AWS answers.
 */
let stack: TestStack;
let admin: SignedInCaller;
let general: SignedInCaller;
let spaOrigin: string;

beforeAll(async () => {
  stack = await startTestStack();
  [admin, general] = await Promise.all([
    createMfaAdmin(stack).then(({ caller }) => caller),
    signIn(stack, SEEDED_USER),
  ]);
  spaOrigin = stack.allowedOrigins[0]!;
});
afterAll(() => stack.stop());

const whoamiUrl = () => `${stack.apiUrls.admin}/admin/whoami`;

async function expectGatewayError(
  response: Response,
  status: number,
  errorType: string,
  message: string | RegExp,
) {
  expect(response.status).toBe(status);
  expect(response.headers.get('x-amzn-errortype')).toBe(errorType);
  expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  const body = (await response.json()) as { message?: string; Message?: string };
  const text = body.message ?? body.Message ?? '';
  if (typeof message === 'string') expect(text).toBe(message);
  else expect(text).toMatch(message);
}

describe('AWS_IAM answers as API Gateway does', () => {
  it('no Authorization: 403 MissingAuthenticationTokenException', async () => {
    await expectGatewayError(
      await fetch(whoamiUrl()),
      403,
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    );
  });

  it('an Authorization that is not SigV4: 403 IncompleteSignatureException', async () => {
    await expectGatewayError(
      await fetch(whoamiUrl(), {
        headers: { authorization: `Bearer ${general.idToken}`, 'x-amz-date': '20261121T000000Z' },
      }),
      403,
      'IncompleteSignatureException',
      /^Authorization header requires 'Credential' parameter\. Authorization header requires 'Signature' parameter\. Authorization header requires 'SignedHeaders' parameter\. /,
    );
  });

  it('a signature that does not match: 403 InvalidSignatureException', async () => {
    const signed = await signRequest(whoamiUrl(), admin.credentials);
    const headers = {
      ...signed.headers,
      authorization: signed.headers.authorization!.replace(/Signature=\w{8}/, 'Signature=00000000'),
    };
    await expectGatewayError(
      await fetch(whoamiUrl(), { headers }),
      403,
      'InvalidSignatureException',
      /^The request signature we calculated does not match the signature you provided\. Check your AWS Secret Access Key and signing method\. Consult the service documentation for details\.\n\nThe Canonical String for this request should have been\n'GET\n\/local\/admin\/whoami\n\nhost:[^\n]+\n[^]*'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/ap-northeast-1\/execute-api\/aws4_request\n[0-9a-f]{64}'\n$/,
    );
  });

  it('X-Amz-Date more than 5 minutes old: 403 Signature expired', async () => {
    const response = await signedFetch(whoamiUrl(), admin.credentials, {
      signingDate: new Date(Date.now() - 6 * 60_000),
    });
    await expectGatewayError(
      response,
      403,
      'InvalidSignatureException',
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    );
  });

  it('X-Amz-Date more than 5 minutes ahead: 403 Signature not yet current', async () => {
    const response = await signedFetch(whoamiUrl(), admin.credentials, {
      signingDate: new Date(Date.now() + 6 * 60_000),
    });
    await expectGatewayError(
      response,
      403,
      'InvalidSignatureException',
      /^Signature not yet current: \d{8}T\d{6}Z is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 5 min\.\)$/,
    );
  });

  it('an access key nobody issued: 403 UnrecognizedClientException', async () => {
    const response = await signedFetch(whoamiUrl(), {
      ...admin.credentials,
      accessKeyId: 'ASIAEXAMPLENOTISSUED',
    });
    await expectGatewayError(
      response,
      403,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('a session token that is not the key’s: 403 UnrecognizedClientException', async () => {
    const response = await signedFetch(whoamiUrl(), {
      ...admin.credentials,
      sessionToken: general.credentials.sessionToken,
    });
    await expectGatewayError(
      response,
      403,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  });

  it('expired temporary credentials: 403 ExpiredTokenException', async () => {
    stack.credentials.expireIdentity(general.identityId);
    const response = await signedFetch(whoamiUrl(), general.credentials);
    await expectGatewayError(
      response,
      403,
      'ExpiredTokenException',
      'The security token included in the request is expired',
    );
    // Expiry ends every credential of the identity: sign in again for the tests after this.
    general = await signIn(stack, SEEDED_USER);
  });

  it('a role whose policy does not allow the route: 403 AccessDeniedException', async () => {
    const response = await signedFetch(whoamiUrl(), general.credentials);
    await expectGatewayError(
      response,
      403,
      'AccessDeniedException',
      `User: arn:aws:sts::000000000000:assumed-role/ConsoleGeneralRole/CognitoIdentityCredentials is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:********0000:${stack.apiIds.adminApiId}/local/GET/admin/whoami`,
    );
  });

  it('a route the API does not have: 403 MissingAuthenticationTokenException, signed or not', async () => {
    await expectGatewayError(
      await fetch(`${stack.apiUrls.admin}/admin/nothing`),
      403,
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    );
    await expectGatewayError(
      await signedFetch(`${stack.apiUrls.admin}/admin/whoami`, admin.credentials, {
        method: 'DELETE',
      }),
      403,
      'MissingAuthenticationTokenException',
      'Missing Authentication Token',
    );
  });

  it('a path outside the stage: 403 Forbidden', async () => {
    const response = await fetch(whoamiUrl().replace('/local/', '/prod/'));
    await expectGatewayError(response, 403, 'ForbiddenException', 'Forbidden');
  });
});

describe('CORS for the SPA’s exact origin', () => {
  it('answers a preflight without authorisation, cached, with the signing headers allowed', async () => {
    const response = await fetch(`${stack.apiUrls.admin}/admin/users/someone/groups/admin`, {
      method: 'OPTIONS',
      headers: {
        origin: spaOrigin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers':
          'authorization,x-amz-date,x-amz-security-token,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(spaOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toBe('OPTIONS,PUT,DELETE');
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase().split(',');
    expect(allowed).toEqual(
      expect.arrayContaining([
        'authorization',
        'x-amz-date',
        'x-amz-security-token',
        'x-amz-content-sha256',
        'content-type',
      ]),
    );
    expect(response.headers.get('access-control-max-age')).toBe(String(CORS_MAX_AGE_SECONDS));
  });

  it('gives another origin no CORS headers, on a preflight or an answer', async () => {
    const preflight = await fetch(whoamiUrl(), {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await signedFetch(whoamiUrl(), admin.credentials, {
      headers: { origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('puts the CORS headers on a gateway error, exposing its type, request id and Date', async () => {
    const response = await signedFetch(whoamiUrl(), general.credentials, {
      headers: { origin: spaOrigin },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBe(spaOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-expose-headers')?.split(', ')).toEqual([
      'Date',
      'x-amzn-ErrorType',
      'x-amzn-RequestId',
    ]);
    expect(response.headers.get('date')).toBeTruthy();
  });

  it('puts the CORS headers on the function’s own answers', async () => {
    const response = await signedFetch(whoamiUrl(), admin.credentials, {
      headers: { origin: spaOrigin },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(spaOrigin);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('answers a preflight for a path the API does not have with 403', async () => {
    const response = await fetch(`${stack.apiUrls.admin}/nothing/here`, {
      method: 'OPTIONS',
      headers: { origin: spaOrigin },
    });
    expect(response.status).toBe(403);
  });
});

describe('payload limits', () => {
  const overLimit = () => JSON.stringify({ title: 'too long', body: 'x'.repeat(10 * 1024 * 1024) });

  it('refuses a body over API Gateway’s 10 MB with 413', async () => {
    const response = await fetch(`${stack.apiUrls.admin}/admin/announcements`, {
      method: 'POST',
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Too Long' });
  });

  it('refuses it signed by an administrator too, before the function runs', async () => {
    const response = await signedFetch(
      `${stack.apiUrls.admin}/admin/announcements`,
      admin.credentials,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: overLimit() },
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Too Long' });
    const list = await signedFetch(`${stack.apiUrls.admin}/admin/announcements`, admin.credentials);
    const { announcements } = (await list.json()) as { announcements: Array<{ title: string }> };
    expect(announcements.map((a) => a.title)).not.toContain('too long');
  });
});

describe('replay', () => {
  it('refuses a signed request sent again, byte for byte, after its 5-minute window', async () => {
    const signed = await signRequest(whoamiUrl(), admin.credentials);
    const send = () => fetch(whoamiUrl(), { headers: signed.headers });
    expect((await send()).status).toBe(200);
    const signedAt = signed.headers['x-amz-date']!;
    await stack.clock.during(5 * 60_000 + 1_000, async () => {
      await expectGatewayError(
        await send(),
        403,
        'InvalidSignatureException',
        new RegExp(
          `^Signature expired: ${signedAt} is now earlier than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 5 min\\.\\)$`,
        ),
      );
    });
    // The same bytes inside the window were fine: only the time changed.
    expect((await send()).status).toBe(200);
  });
});
