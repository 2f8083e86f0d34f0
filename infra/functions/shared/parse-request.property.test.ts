import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTES, type RouteName } from '@contract';
import { HttpError } from './http-error';
import { parseRequest, type RawRequest } from './parse-request';

/*
 * Whatever API Gateway hands a handler as path parameters, query and body, request parsing
 * answers with the contract's values or a 400 `{message, field}` naming where the problem is;
 * it never throws anything else.
 */

const RUNS = { numRuns: 500, seed: 8 };

/** Names every plain object has: as keys they must be data, not lookups. */
const OBJECT_KEYS = ['__proto__', 'constructor', 'valueOf', 'toString', 'hasOwnProperty'];

const text = fc.oneof(
  fc.constantFrom(...OBJECT_KEYS, '', ' ', '0', '-1', '1e3', 'null'),
  fc.string({ unit: 'binary', maxLength: 300 }),
);
/** Members the contract's schemas read, so generated objects come near to valid ones. */
const MEMBER_NAMES = [
  'email',
  'groups',
  'title',
  'body',
  'displayName',
  'language',
  'version',
  ...OBJECT_KEYS,
];
const member = fc.oneof(fc.constantFrom(...MEMBER_NAMES), fc.string({ maxLength: 10 }));

const stringRecord = (keys: fc.Arbitrary<string>) =>
  fc.option(fc.dictionary(keys, fc.option(text, { nil: undefined }), { maxKeys: 5 }), {
    nil: null,
  });

const jsonBody = fc.oneof(
  fc
    .dictionary(member, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 })
    .map((value) => JSON.stringify(value)),
  fc.json({ maxDepth: 4 }),
);
const rawRequest = (paramNames: string[], queryNames: string[]): fc.Arbitrary<RawRequest> =>
  fc.record({
    pathParameters: stringRecord(
      fc.oneof(fc.constantFrom(...paramNames, ...OBJECT_KEYS), fc.string({ maxLength: 8 })),
    ),
    queryStringParameters: stringRecord(
      fc.oneof(fc.constantFrom(...queryNames, ...OBJECT_KEYS), fc.string({ maxLength: 8 })),
    ),
    body: fc.option(fc.oneof(jsonBody, text), { nil: null }),
    isBase64Encoded: fc.boolean(),
  });

/** The keys a route's object schema declares, from the contract, to aim the generator. */
function keysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const routesWithInput = (
  Object.entries(ROUTES) as Array<[RouteName, (typeof ROUTES)[RouteName]]>
).filter(([, route]) => 'params' in route || 'query' in route || 'body' in route);

describe('request parsing under arbitrary input', () => {
  it.each(routesWithInput)('%s: the contract’s values, or 400 naming the field', (_, route) => {
    const params = 'params' in route ? keysOf(route.params) : [];
    const query = 'query' in route ? keysOf(route.query) : [];
    fc.assert(
      fc.property(rawRequest(params, query), (raw) => {
        let parsed: unknown;
        try {
          parsed = parseRequest(route, raw);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          const { status, body } = error as HttpError;
          expect(status).toBe(400);
          expect(Object.keys(body).sort()).toEqual(['field', 'message']);
          expect(body.field).toMatch(/^(path|query|body)(\.|$)/);
          expect(body.message.startsWith(`${body.field}: `)).toBe(true);
          return;
        }
        // Accepted: what the handler gets is what the contract's schemas produce.
        const { params: p, query: q, body: b } = parsed as Record<string, unknown>;
        if ('params' in route) expect(route.params.safeParse(p).success).toBe(true);
        if ('query' in route) expect(route.query.safeParse(q).success).toBe(true);
        if ('body' in route) expect(route.body.safeParse(b).success).toBe(true);
      }),
      RUNS,
    );
  });
});
