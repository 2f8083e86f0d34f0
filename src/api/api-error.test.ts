import { describe, expect, it } from 'vitest';
import { decodeApiError } from './api-error';

const answer = (status: number, body: unknown, errorType?: string) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-RequestId': 'req-1',
      ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
    },
  });

describe('decodeApiError', () => {
  it.each([
    [
      403,
      { message: 'Missing Authentication Token' },
      'MissingAuthenticationTokenException',
      'MissingAuthenticationToken',
    ],
    [
      403,
      { message: 'Signature expired: 20261121T000000Z is now earlier than …' },
      'InvalidSignatureException',
      'SignatureExpired',
    ],
    [
      403,
      { message: 'The request signature we calculated does not match …' },
      'InvalidSignatureException',
      'InvalidSignature',
    ],
    [
      403,
      { message: 'The security token included in the request is expired' },
      'ExpiredTokenException',
      'ExpiredToken',
    ],
    [
      403,
      { Message: 'User: arn:aws:sts::…:assumed-role/ConsoleGeneralRole/… is not authorized …' },
      'AccessDeniedException',
      'AccessDenied',
    ],
    [401, { message: 'The incoming token has expired' }, 'UnauthorizedException', 'TokenExpired'],
    [401, { message: 'Unauthorized' }, 'UnauthorizedException', 'Unauthorized'],
    [502, { message: 'Internal server error' }, 'InternalServerErrorException', 'GatewayFault'],
    [429, { message: 'Too Many Requests' }, undefined, 'Throttled'],
  ])('%i %j → %s', async (status, body, errorType, kind) => {
    const error = await decodeApiError(answer(status, body, errorType));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(
      (body as { message?: string; Message?: string }).message ??
        (body as { Message: string }).Message,
    );
    expect(error.explanation.length).toBeGreaterThan(20);
    expect(error.requestId).toBe('req-1');
  });

  it('keeps a handler’s field and code', async () => {
    const error = await decodeApiError(
      answer(400, { message: 'body.email: Invalid email address', field: 'body.email' }),
    );
    expect(error).toMatchObject({ kind: 'Handler', status: 400, field: 'body.email' });
    const self = await decodeApiError(
      answer(403, { message: 'You cannot disable your own account.', code: 'SelfProtection' }),
    );
    expect(self).toMatchObject({ kind: 'Handler', code: 'SelfProtection' });
  });

  it('reads an answer that is not JSON', async () => {
    const error = await decodeApiError(new Response('upstream connect error', { status: 503 }));
    expect(error).toMatchObject({ kind: 'GatewayFault', message: 'upstream connect error' });
  });

  it('says to call the execute-api address when a signature fails on a CloudFront host', async () => {
    const mismatch = () =>
      answer(
        403,
        { message: 'The request signature we calculated does not match …' },
        'InvalidSignatureException',
      );
    const viaCloudFront = await decodeApiError(
      mismatch(),
      new URL('https://d111111abcdef8.cloudfront.net/admin/users'),
    );
    expect(viaCloudFront).toMatchObject({ kind: 'InvalidSignature', hint: 'CloudFrontHost' });
    const denied = await decodeApiError(
      answer(
        403,
        {
          Message:
            'User: arn:aws:iam::123456789012:user/ops is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ap-northeast-1:********9012:abc/prod/GET/admin/users with an explicit deny',
        },
        'AccessDeniedException',
      ),
    );
    expect(denied).toMatchObject({ kind: 'AccessDenied', hint: 'ResourcePolicyDeny' });
    expect(denied.explanation).toMatch(/resource policy/);
    expect(viaCloudFront.explanation).toMatch(/execute-api address/);

    const direct = await decodeApiError(
      mismatch(),
      new URL('https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod/admin/users'),
    );
    expect(direct).toMatchObject({ kind: 'InvalidSignature', hint: 'InvalidSignature' });
  });
});
