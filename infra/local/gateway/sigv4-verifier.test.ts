import { describe, expect, it } from 'vitest';
import {
  HOST,
  issued,
  NOW,
  signAsClient,
  verifierOptions as options,
  type ClientRequest,
} from '../testing/sigv4-fixtures';
import { sigV4Vector } from '../../../test-fixtures/sigv4/vectors';
import { suiteRequest, suiteVerifierOptions } from '../testing/sigv4-suite';
import { GatewayAuthError, verifySigV4, type SignedRequest } from './sigv4-verifier';

async function refusal(request: SignedRequest, opts = options()): Promise<GatewayAuthError> {
  const error = await verifySigV4(request, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the request was accepted').toBeInstanceOf(GatewayAuthError);
  return error as GatewayAuthError;
}

const postUsers: ClientRequest = {
  method: 'POST',
  path: '/admin/users',
  query: { notify: 'yes please' },
  body: JSON.stringify({ email: 'new@example.com', groups: ['general'] }),
  headers: { 'content-type': 'application/json' },
};

describe('verifySigV4 accepts what a correct signer sends', () => {
  it('reads a raw + in the query as a space, as URLSearchParams writes it', async () => {
    const signed = await signAsClient({
      method: 'GET',
      path: '/admin/users',
      query: { email: 'a b' },
    });
    const asForm = new URLSearchParams({ email: 'a b' }).toString();
    expect(asForm).toBe('email=a+b');
    await expect(verifySigV4({ ...signed, rawQuery: asForm }, options())).resolves.toEqual(issued);
  });

  it('reads %2B in the query as a plus', async () => {
    const signed = await signAsClient({
      method: 'GET',
      path: '/admin/users',
      query: { email: 'a+b' },
    });
    expect(signed.rawQuery).toBe('email=a%2Bb');
    await expect(verifySigV4(signed, options())).resolves.toEqual(issued);
    const error = await refusal({ ...signed, rawQuery: 'email=a+b' });
    expect(error.errorType).toBe('InvalidSignatureException');
  });

  it.each([
    [
      'GET with a query',
      { method: 'GET', path: '/admin/users', query: { limit: '10', email: 'a b+c@x' } },
    ],
    ['POST with a JSON body and a query', postUsers],
    [
      'a path with a space and unicode',
      { method: 'GET', path: '/admin/users/' + encodeURIComponent('山田 花子') },
    ],
    [
      'an already-encoded query value',
      { method: 'GET', path: '/admin/audit', query: { actor: '%2F already %20' } },
    ],
  ])('%s', async (_, request) => {
    await expect(verifySigV4(await signAsClient(request), options())).resolves.toMatchObject({
      roleArn: issued.roleArn,
    });
  });
});

describe('verifySigV4 refuses any change after signing', () => {
  const mismatch = async (change: (r: SignedRequest) => void) => {
    const request = await signAsClient(postUsers);
    change(request);
    const error = await refusal(request);
    expect(error.errorType).toBe('InvalidSignatureException');
    expect(error.message).toMatch(
      /^The request signature we calculated does not match the signature you provided\./,
    );
  };
  it('the method', () => mismatch((r) => (r.method = 'PUT')));
  it('the path', () => mismatch((r) => (r.rawPath = '/admin/groups')));
  it('the query', () => mismatch((r) => (r.rawQuery = 'notify=no')));
  it('a signed header', () => mismatch((r) => (r.headers['content-type'] = 'text/plain')));
  it('the body', () =>
    mismatch((r) => (r.body = new TextEncoder().encode('{"email":"evil@example.com"}'))));
  it('the host', () => mismatch((r) => (r.headers.host = 'd111111abcdef8.cloudfront.net')));
  it('the date, by a second', async () => {
    const request = await signAsClient(postUsers);
    request.headers['x-amz-date'] = '20261121T084701Z';
    expect((await refusal(request)).errorType).toBe('InvalidSignatureException');
  });
});

describe('verifySigV4 answers like API Gateway', () => {
  it('no Authorization: MissingAuthenticationTokenException', async () => {
    const request = await signAsClient(postUsers);
    delete request.headers.authorization;
    expect(await refusal(request)).toMatchObject({
      errorType: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
  });

  it('a bearer token where SigV4 belongs: IncompleteSignatureException', async () => {
    const request = await signAsClient(postUsers);
    request.headers.authorization = 'Bearer eyJ.example';
    const error = await refusal(request);
    expect(error.errorType).toBe('IncompleteSignatureException');
    expect(error.message).toMatch(
      /^Authorization header requires 'Credential' parameter\. .*Authorization=Bearer eyJ\.example$/,
    );
  });

  it('signed more than 5 minutes ago or ahead: Signature expired / not yet current', async () => {
    const old = await refusal(await signAsClient(postUsers, NOW - 6 * 60_000));
    expect(old.errorType).toBe('InvalidSignatureException');
    expect(old.message).toBe(
      'Signature expired: 20261121T084100Z is now earlier than 20261121T084200Z (20261121T084700Z - 5 min.)',
    );
    const ahead = await refusal(await signAsClient(postUsers, NOW + 30 * 60_000));
    expect(ahead.message).toBe(
      'Signature not yet current: 20261121T091700Z is still later than 20261121T085200Z (20261121T084700Z + 5 min.)',
    );
    await expect(
      verifySigV4(await signAsClient(postUsers, NOW - 4 * 60_000), options()),
    ).resolves.toBeTruthy();
  });

  it('an unknown key or a wrong session token: UnrecognizedClientException', async () => {
    const request = await signAsClient(postUsers);
    expect(
      await refusal(request, { ...options(), findCredentials: () => undefined }),
    ).toMatchObject({
      errorType: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    request.headers['x-amz-security-token'] = 'forged';
    expect((await refusal(request)).errorType).toBe('UnrecognizedClientException');
  });

  it('expired credentials: ExpiredTokenException', async () => {
    const error = await refusal(await signAsClient(postUsers), options({ expiresAt: NOW - 1 }));
    expect(error).toMatchObject({
      errorType: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
    });
  });

  it('a scope for another region or service: InvalidSignatureException', async () => {
    const request = await signAsClient(postUsers);
    request.headers.authorization = request.headers.authorization!.replace(
      '/ap-northeast-1/',
      '/us-east-1/',
    );
    expect((await refusal(request)).message).toBe(
      'Credential should be scoped to a valid region. ',
    );
    const s3 = await signAsClient(postUsers);
    s3.headers.authorization = s3.headers.authorization!.replace('/execute-api/', '/s3/');
    expect((await refusal(s3)).message).toBe(
      "Credential should be scoped to correct service: 'execute-api'. ",
    );
  });

  it("a payload hash header that is not the body's is refused", async () => {
    const request = await signAsClient({
      ...postUsers,
      headers: { ...postUsers.headers, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect((await refusal(request)).errorType).toBe('InvalidSignatureException');
  });
});

describe('verifySigV4 accepts an independent signer (aws4fetch)', () => {
  /** aws4fetch signs a Request; reshape what it would put on the wire. */
  async function signWithAws4fetch(url: string, init: RequestInit): Promise<SignedRequest> {
    const { AwsClient } = await import('aws4fetch');
    const client = new AwsClient({
      accessKeyId: issued.accessKeyId,
      secretAccessKey: issued.secretAccessKey,
      sessionToken: issued.sessionToken,
      region: 'ap-northeast-1',
      service: 'execute-api',
    });
    const signed = await client.sign(url, { ...init, aws: { datetime: '20261121T084700Z' } });
    const wire = new URL(signed.url);
    const headers: Record<string, string> = { host: wire.host };
    signed.headers.forEach((value, name) => (headers[name] = value));
    return {
      method: signed.method,
      rawPath: wire.pathname,
      rawQuery: wire.search.slice(1),
      headers,
      body: new Uint8Array(await signed.arrayBuffer()),
    };
  }

  it.each([
    [
      'GET with spaces and an already-encoded value in the query',
      `http://${HOST}/admin/users?limit=10&email=a%20b&note=%2541`,
      { method: 'GET' },
    ],
    [
      'POST with a JSON body',
      `http://${HOST}/admin/announcements`,
      {
        method: 'POST',
        body: '{"title":"Hi","body":"there"}',
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'a path with unicode and a space',
      `http://${HOST}/admin/users/${encodeURIComponent('山田 花子')}`,
      { method: 'GET' },
    ],
  ])('%s', async (_, url, init) => {
    await expect(verifySigV4(await signWithAws4fetch(url, init), options())).resolves.toMatchObject(
      {
        accessKeyId: issued.accessKeyId,
      },
    );
  });
});

describe('verifySigV4 explains a signature mismatch as API Gateway does', () => {
  const vector = sigV4Vector('get-vanilla');

  it('accepts the suite’s own signature (the control)', async () => {
    await expect(verifySigV4(suiteRequest(vector), suiteVerifierOptions())).resolves.toBeTruthy();
  });

  it('quotes the canonical string and the string to sign it computed: the suite’s own', async () => {
    const wrong = vector.authorization.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`);
    const error = await refusal(suiteRequest(vector, wrong), suiteVerifierOptions());
    expect(error.errorType).toBe('InvalidSignatureException');
    expect(error.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n' +
        '\n' +
        'The Canonical String for this request should have been\n' +
        `'${vector.canonicalRequest}'\n` +
        '\n' +
        'The String-to-Sign should have been\n' +
        `'${vector.stringToSign}'\n`,
    );
  });
});
