import { execFile } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
// The signer aws-amplify itself uses (aws-amplify 6.22 pins @aws-amplify/core 6.19, which npm
// hoists to the top of node_modules, so this is the copy the SPA's Amplify runs).
import { signRequest as amplifySignRequest } from '@aws-amplify/core/internals/aws-client-utils';
import { AwsClient } from 'aws4fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  signedFetch,
  signRequest as smithySignRequest,
  type TemporaryCredentials,
} from '../testing/callers';
import { createMfaAdmin, type MfaAdmin } from '../testing/mfa-admin';
import { startTestStack, type TestStack } from '../testing/test-stack';

/**
 * The local admin API (REST, AWS_IAM) against four independent SigV4 implementations: each must
 * be accepted as it signs by itself, and each signature must stop holding the moment anything it
 * covers is changed. A refusal must be API Gateway's: 403, `x-amzn-ErrorType:
 * InvalidSignatureException`, and its "does not match" message.
 */

const REGION = 'ap-northeast-1';
const SERVICE = 'execute-api';
const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
/**
 * API Gateway's message, quoting the canonical request and string to sign it computed (absent
 * only when a declared `x-amz-content-sha256` is not the body's, refused before recomputing).
 */
const SIGNATURE_MISMATCH_MESSAGE = new RegExp(
  `^${SIGNATURE_MISMATCH.replace(/[.?]/g, '\\$&')}(\n\nThe Canonical String for this request should have been\n'[^]*'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n\\d{8}T\\d{6}Z\n\\d{8}/${REGION}/${SERVICE}/aws4_request\n[0-9a-f]{64}'\n)?$`,
);

/**
 * `email` carries a space (`%20`) and an already-encoded value: `%2541` is the three characters
 * `%41` on purpose, not `A`. Keys are not in SigV4 order, so the signer has to sort them.
 */
const GET_QUERY = 'limit=5&attribute=email&value=a%20b%2541';
/**
 * The same parameters in canonical order, for curl (see the note on curl 7.88 below). The handler reads them
 * identically.
 */
const GET_QUERY_CANONICAL = 'attribute=email&limit=5&value=a%20b%2541';
/** The handler ignores query parameters it does not declare; the signature still covers them. */
const POST_QUERY = 'note=x%2541&source=a%20b';
const POST_BODY = JSON.stringify({ title: 't', body: 'b' });
const JSON_TYPE = 'application/json';

let stack: TestStack;
let admin: MfaAdmin;
let credentials: TemporaryCredentials;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await createMfaAdmin(stack);
  ({ credentials } = admin.caller);
});
afterAll(async () => {
  await stack?.stop();
});

const adminUrl = (pathAndQuery: string) => `${stack.apiUrls.admin}${pathAndQuery}`;

interface Call {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** A request exactly as a signer would put it on the wire. Header names lower-case. */
interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

interface Answer {
  status: number;
  errorType: string | null;
  body: Record<string, unknown>;
}

interface Signer {
  name: string;
  /** The query of the GET, as this signer's users would write it. */
  getQuery: string;
  /** Signs and sends the way this signer's users do. */
  send(call: Call): Promise<Answer>;
  /** Signs only: what it would have sent. */
  sign(call: Call): Promise<WireRequest>;
  /** Whether `content-type` is among the headers it signs. */
  signsContentType: boolean;
}

const answerOf = async (response: Response): Promise<Answer> => {
  const text = await response.text();
  return {
    status: response.status,
    errorType: response.headers.get('x-amzn-errortype'),
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
};

const lowerCaseKeys = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/**
 * Sends `wire` byte for byte with node:http: only the headers given (Host included, as signed),
 * nothing a fetch implementation would add or normalise.
 */
function sendWire(wire: WireRequest): Promise<Answer> {
  const target = new URL(wire.url);
  const body = wire.body === undefined ? undefined : Buffer.from(wire.body);
  const headers: Record<string, string> = { ...wire.headers };
  delete headers['content-length'];
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: Number(target.port),
        method: wire.method,
        path: `${target.pathname}${target.search}`,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const errorType = res.headers['x-amzn-errortype'];
          resolve({
            status: res.statusCode ?? 0,
            errorType: typeof errorType === 'string' ? errorType : null,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** a. @smithy/signature-v4, through the tests' own helper (the SPA's signer). */
const smithySigner: Signer = {
  name: '@smithy/signature-v4',
  getQuery: GET_QUERY,
  signsContentType: true,
  send: async ({ method, url, headers, body }) =>
    answerOf(await signedFetch(url, credentials, { method, headers, body })),
  sign: async ({ method, url, headers, body }) => {
    const signed = await smithySignRequest(url, credentials, { method, headers, body });
    return { method: signed.method, url, headers: lowerCaseKeys(signed.headers), body };
  },
};

/**
 * b. aws4fetch. It never signs `content-type` (it is on aws4fetch's UNSIGNABLE_HEADERS list unless
 * `allHeaders` is set).
 */
const aws4fetchSigner: Signer = {
  name: 'aws4fetch',
  getQuery: GET_QUERY,
  signsContentType: false,
  send: async ({ method, url, headers, body }) => {
    const client = new AwsClient({ ...credentials, service: SERVICE, region: REGION });
    return answerOf(await client.fetch(url, { method, headers, body }));
  },
  sign: async ({ method, url, headers, body }) => {
    const client = new AwsClient({ ...credentials, service: SERVICE, region: REGION });
    const signed = await client.sign(url, { method, headers, body });
    const wire: Record<string, string> = { host: new URL(signed.url).host };
    signed.headers.forEach((value, name) => (wire[name] = value));
    return { method: signed.method, url: signed.url, headers: wire, body };
  },
};

/**
 * c. aws-amplify's own SigV4 (`signRequest` from @aws-amplify/core's client utils), which
 * returns the request with `host`, `x-amz-date`, `x-amz-security-token` and `authorization`
 * added; it signs every header it is given.
 */
const amplifySign = ({ method, url, headers, body }: Call): WireRequest => {
  const signed = amplifySignRequest(
    { url: new URL(url), method, headers, body },
    { credentials, signingRegion: REGION, signingService: SERVICE },
  );
  return { method: signed.method, url, headers: lowerCaseKeys(signed.headers), body };
};
const amplifySigner: Signer = {
  name: "aws-amplify's signRequest",
  getQuery: GET_QUERY,
  signsContentType: true,
  send: async (call) => {
    const signed = amplifySign(call);
    return answerOf(
      await fetch(signed.url, { method: signed.method, headers: signed.headers, body: call.body }),
    );
  },
  sign: async (call) => amplifySign(call),
};

/**
 * d. Debian's curl 7.88 (`--aws-sigv4`). Keys and the session token reach curl through a config
 * file on stdin, not its arguments.
 *
 * curl 7.88 puts the query string into the canonical request exactly as written: it neither
 * sorts the parameters nor re-encodes them (curl issues #9717, #8107 and #11794; upstream
 * canonicalises the query since curl PR #11806, Sept 2023). Compared against this gateway,
 * which canonicalises what it receives as API Gateway does:
 * - accepted: `email=a%20b%2541&limit=5`, `email=a%2Cb&limit=5`, `email=a~b&limit=5`: queries
 *   already in canonical form (sorted by key, `%20` for a space, upper-case hex, unreserved
 *   characters bare);
 * - refused (InvalidSignatureException): `limit=5&email=a%20b` (not sorted), `email=a,b`
 *   (`,` not encoded), `email=a%2cb` (lower-case hex), `email=a%7Eb` (`~` encoded),
 *   `email=a+b`, `email&limit=5` (no `=`), `email=b&email=a` (values not sorted).
 * That is curl's limitation, not the gateway's: the other three signers are accepted with the
 * unsorted query. With curl the GET is therefore sent with the same parameters already in
 * canonical order, the closest request curl 7.88 signs correctly.
 */
const CURL = '/usr/bin/curl';
const run = promisify(execFile);
/** A curl config line's value, quoted as curl's config syntax wants. */
const curlQuoted = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
async function curl(call: Call, extraArgs: string[] = []): Promise<string> {
  const args = [
    '--silent',
    '--show-error',
    '--config',
    '-',
    '--aws-sigv4',
    `aws:amz:${REGION}:${SERVICE}`,
    '--request',
    call.method,
    ...Object.entries(call.headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
    ...(call.body === undefined ? [] : ['--data-binary', call.body]),
    '--output',
    '-',
    '--write-out',
    '\n%{http_code}\n%header{x-amzn-errortype}',
    ...extraArgs,
    call.url,
  ];
  const config = [
    `user = ${curlQuoted(`${credentials.accessKeyId}:${credentials.secretAccessKey}`)}`,
    `header = ${curlQuoted(`x-amz-security-token: ${credentials.sessionToken}`)}`,
    '',
  ].join('\n');
  const pending = run(CURL, args);
  pending.child.stdin?.end(config);
  return (await pending).stdout;
}

/** Where curl sends what it signs when a test only wants the signed request. */
let capture: Server;
const captured: WireRequest[] = [];
beforeAll(async () => {
  capture = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers[name] = value;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      captured.push({
        method: req.method ?? '',
        // The Host curl signed is the admin API's: rebuild the URL it was meant for.
        url: `http://${headers.host}${req.url ?? '/'}`,
        headers,
        body: body === '' ? undefined : body,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  await new Promise((resolve) => capture?.close(resolve));
});

const curlSigner: Signer = {
  name: 'curl --aws-sigv4',
  getQuery: GET_QUERY_CANONICAL,
  signsContentType: true,
  send: async (call) => {
    const out = (await curl(call)).split('\n');
    const errorType = out.pop() ?? '';
    const status = Number(out.pop());
    const text = out.join('\n');
    return {
      status,
      errorType: errorType || null,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    };
  },
  sign: async (call) => {
    // curl signs for the admin API's host and port, but connects to the capture server.
    const { port } = capture.address() as AddressInfo;
    captured.length = 0;
    await curl(call, ['--connect-to', `::127.0.0.1:${port}`]);
    expect(captured).toHaveLength(1);
    return captured[0]!;
  },
};

const getUsers = (signer: Signer): Call => ({
  method: 'GET',
  url: adminUrl(`/admin/users?${signer.getQuery}`),
  headers: {},
});
const postAnnouncement = (): Call => ({
  method: 'POST',
  url: adminUrl(`/admin/announcements?${POST_QUERY}`),
  headers: { 'content-type': JSON_TYPE },
  body: POST_BODY,
});

const withUrl = (wire: WireRequest, change: (url: URL) => void): WireRequest => {
  const url = new URL(wire.url);
  change(url);
  return { ...wire, url: url.toString() };
};

/** `x-amz-date` moved by one second, within the same day so the scope still matches. */
function oneSecondOff(amzDate: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) throw new Error(`not an x-amz-date: ${amzDate}`);
  const at = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  const format = (ms: number) =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
  const later = format(at + 1000);
  return later.slice(0, 8) === amzDate.slice(0, 8) ? later : format(at - 1000);
}

/** Changes made to the signed POST before it is sent; each must break the signature. */
const postAlterations: Array<[string, (wire: WireRequest) => WireRequest]> = [
  ['the method (POST sent as GET)', (wire) => ({ ...wire, method: 'GET' })],
  [
    'the path (/admin/announcements sent to /admin/users)',
    (wire) =>
      withUrl(wire, (url) => {
        url.pathname = url.pathname.replace(/\/admin\/announcements$/, '/admin/users');
      }),
  ],
  [
    'the query (source=a%20b sent as source=a%20c)',
    (wire) =>
      withUrl(wire, (url) => {
        url.search = url.search.replace('source=a%20b', 'source=a%20c');
      }),
  ],
  ['the body (one character)', (wire) => ({ ...wire, body: wire.body?.replace('"t"', '"T"') })],
  [
    'the Host header',
    (wire) => ({
      ...wire,
      headers: { ...wire.headers, host: `localhost:${new URL(wire.url).port}` },
    }),
  ],
  [
    'the X-Amz-Date header (by one second)',
    (wire) => ({
      ...wire,
      headers: { ...wire.headers, 'x-amz-date': oneSecondOff(wire.headers['x-amz-date']!) },
    }),
  ],
];
const changeContentType = (wire: WireRequest): WireRequest => ({
  ...wire,
  headers: { ...wire.headers, 'content-type': `${JSON_TYPE}; charset=utf-8` },
});

const expectSignatureRefused = (answer: Answer) => {
  expect(answer).toEqual({
    status: 403,
    errorType: 'InvalidSignatureException',
    body: { message: expect.stringMatching(SIGNATURE_MISMATCH_MESSAGE) },
  });
};

describe.each(
  [smithySigner, aws4fetchSigner, amplifySigner, curlSigner].map(
    (signer) => [signer.name, signer] as const,
  ),
)('the admin API with a signature from %s', (_, signer) => {
  it('answers a GET whose query has a space and an already-encoded value (200)', async () => {
    const answer = await signer.send(getUsers(signer));
    expect(answer.errorType).toBeNull();
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ users: [], nextCursor: null });
  });

  it('answers a POST with a JSON body and a query (201)', async () => {
    const answer = await signer.send(postAnnouncement());
    expect(answer.errorType).toBeNull();
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ title: 't', body: 'b', author: admin.email });
  });

  it('still accepts the signed requests when they are sent exactly as signed', async () => {
    // The control for the refusals below: the test's own sender changes nothing by itself.
    const get = await sendWire(await signer.sign(getUsers(signer)));
    expect(get).toMatchObject({ status: 200, errorType: null });
    const post = await sendWire(await signer.sign(postAnnouncement()));
    expect(post).toMatchObject({ status: 201, errorType: null });
  });

  it.each(postAlterations)(
    'refuses the POST once %s is changed after signing',
    async (_, alter) => {
      expectSignatureRefused(await sendWire(alter(await signer.sign(postAnnouncement()))));
    },
  );

  it('refuses the GET once its already-encoded value is decoded (%2541 sent as %41)', async () => {
    const wire = await signer.sign(getUsers(signer));
    expect(wire.url).toContain('%2541');
    expectSignatureRefused(await sendWire({ ...wire, url: wire.url.replace('%2541', '%41') }));
  });

  if (signer.signsContentType) {
    it('refuses the POST once its signed Content-Type is changed after signing', async () => {
      const wire = await signer.sign(postAnnouncement());
      expect(wire.headers.authorization).toMatch(/SignedHeaders=([^,]*;)?content-type[;,]/);
      expectSignatureRefused(await sendWire(changeContentType(wire)));
    });
  } else {
    it('lets Content-Type change, since this signer leaves it out of SignedHeaders', async () => {
      // The gateway checks exactly the headers the client signed, as API Gateway does.
      const wire = await signer.sign(postAnnouncement());
      expect(wire.headers.authorization).not.toMatch(/content-type/);
      expect(await sendWire(changeContentType(wire))).toMatchObject({
        status: 201,
        errorType: null,
      });
    });
  }
});
