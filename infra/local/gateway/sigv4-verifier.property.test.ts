import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  issued,
  NOW,
  signAsClient,
  verifierOptions,
  type ClientRequest,
} from '../testing/sigv4-fixtures';
import {
  GatewayAuthError,
  parseAuthorization,
  verifySigV4,
  type SignedRequest,
} from './sigv4-verifier';

/*
 * Hostile and malformed Authorization headers, credential scopes and requests: the verifier
 * must refuse each with one of API Gateway's IAM errors (DESIGN.md's table) and its wording,
 * never throw anything else, and accept only what was signed.
 */

const RUNS = { numRuns: 300, seed: 8 };

/** API Gateway's IAM refusals and how each of their messages begins. */
const AWS_MESSAGES: Record<string, RegExp> = {
  MissingAuthenticationTokenException: /^Missing Authentication Token$/,
  IncompleteSignatureException:
    /^(Authorization header requires '|Credential should be scoped to a valid region, service and date, and end with aws4_request\. Authorization=|Date must be in ISO-8601 'basic format'\. Got ')/,
  InvalidSignatureException:
    /^(The request signature we calculated does not match the signature you provided\. |Signature expired: \d{8}T\d{6}Z is now earlier than |Signature not yet current: \d{8}T\d{6}Z is still later than |Credential should be scoped to a valid region\. $|Credential should be scoped to correct service: 'execute-api'\. $|Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: )/,
  UnrecognizedClientException: /^The security token included in the request is invalid\.$/,
  ExpiredTokenException: /^The security token included in the request is expired$/,
};

type Outcome = { accepted: true } | { accepted: false; error: GatewayAuthError };

/** Runs the verifier; anything thrown that is not API Gateway's answer fails the property. */
async function verify(request: SignedRequest): Promise<Outcome> {
  try {
    await verifySigV4(request, verifierOptions());
    return { accepted: true };
  } catch (error) {
    if (error instanceof GatewayAuthError) return { accepted: false, error };
    throw error;
  }
}

function expectAwsShaped(error: GatewayAuthError) {
  expect(error.status).toBe(403);
  expect(Object.keys(AWS_MESSAGES)).toContain(error.errorType);
  expect(error.message).toMatch(AWS_MESSAGES[error.errorType]!);
}

/** Names that are properties of every plain object: a lookup by them must not find one. */
const OBJECT_KEYS = ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty'];

/** Any text, including control characters, lone surrogates and SigV4's own punctuation. */
const anyText = fc.oneof(
  fc.constantFrom(...OBJECT_KEYS),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(...'AWS4-HMAC-SHA256 Credential=/,;SignedHeaders Signature'.split('')),
    maxLength: 80,
  }),
);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const amzDateText = fc.oneof(
  fc.constant('20261121T084700Z'),
  fc.stringMatching(/^\d{8}T\d{6}Z$/),
  anyText,
);

const postUsers: ClientRequest = {
  method: 'POST',
  path: '/admin/users',
  query: { notify: 'yes' },
  body: JSON.stringify({ email: 'new@example.com', groups: ['general'] }),
  headers: { 'content-type': 'application/json' },
};
let signed: SignedRequest;
let original: ReturnType<typeof parseAuthorization>;
beforeAll(async () => {
  signed = await signAsClient(postUsers);
  original = parseAuthorization(signed.headers.authorization!, true);
});
const withHeaders = (headers: Record<string, string>): SignedRequest => ({
  ...signed,
  headers: { ...signed.headers, ...headers },
});

describe('the SigV4 verifier under arbitrary input', () => {
  it('refuses any Authorization text, with or without a date, as API Gateway does', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyText,
        fc.option(amzDateText, { nil: undefined }),
        fc.option(anyText, { nil: undefined }),
        async (authorization, amzDate, date) => {
          const headers: Record<string, string> = { ...signed.headers, authorization };
          delete headers['x-amz-date'];
          if (amzDate !== undefined) headers['x-amz-date'] = amzDate;
          if (date !== undefined) headers.date = date;
          const outcome = await verify({ ...signed, headers });
          expect(outcome.accepted).toBe(false);
          if (!outcome.accepted) expectAwsShaped(outcome.error);
        },
      ),
      RUNS,
    );
  });

  it('accepts a credential scope only when it is exactly the one signed', async () => {
    const signedScope = [
      issued.accessKeyId,
      '20261121',
      'ap-northeast-1',
      'execute-api',
      'aws4_request',
    ];
    /** Per part of the scope: values a confused or hostile client might send instead. */
    const plausible = [
      ['ASIAEXAMPLEKEY000002', '', issued.accessKeyId.toLowerCase(), ` ${issued.accessKeyId}`],
      ['20261120', '20261122', '2026-11-21', ''],
      ['us-east-1', 'AP-NORTHEAST-1', 'ap-northeast-1 ', ''],
      ['s3', 'execute-api ', 'execute_api', ''],
      ['aws4_request ', 'aws4', ''],
    ];
    // One or two parts replaced (sometimes by the same value), sometimes a sixth part added.
    const partChange = fc
      .nat(4)
      .chain((i) =>
        fc.tuple(
          fc.constant(i),
          fc.oneof(fc.constantFrom(...plausible[i]!, signedScope[i]!), anyText),
        ),
      );
    await fc.assert(
      fc.asyncProperty(
        fc.array(partChange, { maxLength: 2 }),
        fc.option(fc.constantFrom('extra', '', 'aws4_request'), { nil: undefined }),
        async (changes, extraPart) => {
          const scope = changes.reduce((parts, [i, value]) => parts.with(i, value), signedScope);
          const credential = [...scope, ...(extraPart === undefined ? [] : [extraPart])].join('/');
          const authorization = signed.headers.authorization!.replace(
            /Credential=[^,]+/,
            () => `Credential=${credential}`,
          );
          const outcome = await verify(withHeaders({ authorization }));
          expect(outcome.accepted).toBe(credential === signedScope.join('/'));
          if (!outcome.accepted) expectAwsShaped(outcome.error);
        },
      ),
      RUNS,
    );
  });

  it('refuses a near-valid header with any part changed, and accepts only the signed parts', async () => {
    const parts = () => signed.headers.authorization!.split(/, /);
    /** Changes part `i` if an earlier mutation left it there. */
    const change = (i: number, f: (part: string) => string) => (p: string[]) =>
      i < p.length ? p.with(i, f(p[i]!)) : p;
    const mutation = fc.oneof(
      // a part replaced, dropped, duplicated or re-cased
      fc.tuple(fc.nat(2), anyText).map(([i, text]) => change(i, () => text)),
      fc.nat(2).map((i) => (p: string[]) => p.filter((_, j) => j !== i)),
      fc
        .tuple(fc.constantFrom('Credential', 'SignedHeaders', 'Signature'), anyText)
        .map(([name, text]) => (p: string[]) => [...p, `${name}=${text}`]),
      fc.nat(2).map((i) => change(i, (part) => part.toLowerCase())),
      // the signature with one hex digit changed, truncated, or another one
      fc.tuple(fc.nat(63), fc.constantFrom(...'0123456789abcdefG'.split(''))).map(([at, digit]) =>
        change(2, (part) => {
          const i = 'Signature='.length + at;
          return part.slice(0, i) + digit + part.slice(i + 1);
        }),
      ),
      fc.nat(64).map((keep) => change(2, (part) => part.slice(0, 'Signature='.length + keep))),
      hex64.map((signature) => change(2, () => `Signature=${signature}`)),
      // signed headers added, dropped, reordered or re-cased
      fc
        .constantFrom(
          'host',
          'x-amz-date',
          'content-type',
          'x-amz-security-token',
          'x-forwarded-for',
          '',
        )
        .chain((name) =>
          fc.constantFrom(
            change(1, (part) => `${part};${name}`),
            change(1, (part) => part.replace(`${name};`, '')),
            change(1, (part) => part.toUpperCase()),
            change(
              1,
              (part) =>
                `SignedHeaders=${part
                  .slice(part.indexOf('=') + 1)
                  .split(';')
                  .reverse()
                  .join(';')}`,
            ),
          ),
        ),
    );
    const separator = fc.constantFrom(', ', ',', ' ,', ';', ' ', ',\t');
    const scheme = fc.oneof(
      fc.constant('AWS4-HMAC-SHA256'),
      fc.constantFrom('aws4-hmac-sha256', 'AWS4-HMAC-SHA1', 'AWS4-ECDSA-P256-SHA256', 'Bearer', ''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(mutation, { maxLength: 3 }),
        separator,
        scheme,
        async (mutations, sep, scheme) => {
          const [first, ...rest] = mutations.reduce((p, mutate) => mutate(p), parts());
          const authorization = [first?.replace(/^AWS4-HMAC-SHA256/, scheme), ...rest].join(sep);
          const outcome = await verify(withHeaders({ authorization }));
          if (outcome.accepted) {
            // Accepted, so only the formatting changed: the same key, scope, headers and signature.
            expect(parseAuthorization(authorization, true)).toEqual(original);
          } else expectAwsShaped(outcome.error);
        },
      ),
      RUNS,
    );
  });

  it('refuses a valid Authorization on any other request, whatever its method, path, query, headers or body', async () => {
    const headerName = fc.oneof(
      fc.constantFrom(
        'host',
        'content-type',
        'x-amz-date',
        'x-amz-security-token',
        'x-amz-content-sha256',
        'date',
      ),
      fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            method: fc.oneof(fc.constantFrom('GET', 'PUT', 'DELETE', 'post'), anyText),
            rawPath: fc.oneof(fc.webPath(), anyText, fc.constant('/admin/users/%E0%A4%A')),
            rawQuery: fc.oneof(
              anyText,
              fc.constantFrom('%%&=&a=%ZZ&+=+', ...OBJECT_KEYS.map((key) => `${key}=1&${key}`)),
            ),
            headers: fc.dictionary(headerName, anyText, { maxKeys: 4 }),
            body: fc.uint8Array({ maxLength: 64 }),
          },
          { requiredKeys: [] },
        ),
        async (changes) => {
          const request: SignedRequest = {
            ...signed,
            ...changes,
            headers: { ...signed.headers, ...changes.headers },
          };
          const outcome = await verify(request);
          if (outcome.accepted) {
            // Only a change the signature does not cover can pass: an unsigned header.
            expect(request.method).toBe(signed.method);
            expect(request.rawPath).toBe(signed.rawPath);
            expect(Buffer.from(request.body).equals(Buffer.from(signed.body))).toBe(true);
            for (const name of original.signedHeaders) {
              expect(request.headers[name]).toBe(signed.headers[name]);
            }
          } else expectAwsShaped(outcome.error);
        },
      ),
      RUNS,
    );
  });

  it('refuses the signed request at any time outside its 5-minute window, and accepts it inside', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -3_600_000, max: 3_600_000 }), async (offsetMs) => {
        const outcome = await verifySigV4(signed, verifierOptions({}, NOW + offsetMs)).then(
          () => 'accepted',
          (error: GatewayAuthError) => error.message.split(':')[0],
        );
        const inside = Math.abs(offsetMs) <= 5 * 60_000;
        expect(outcome).toBe(
          inside ? 'accepted' : offsetMs > 0 ? 'Signature expired' : 'Signature not yet current',
        );
      }),
      RUNS,
    );
  });
});
