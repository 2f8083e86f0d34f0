import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUITE, sigV4Vector } from '../../../test-fixtures/sigv4/vectors';
import { close } from '../net';
import { suiteVerifierOptions } from '../testing/sigv4-suite';
import { readIncoming, type IncomingRequest } from './incoming';
import { GatewayAuthError, verifySigV4 } from './sigv4-verifier';

/*
 * A header sent more than once, over a real socket: what the gateway reads from it must be what
 * SigV4 canonicalisation signs (`value1,value2`), or a correctly signed request is refused.
 */
let server: Server;
let port: number;
/** What the server read from the last request. */
let received: IncomingRequest | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    void (async () => {
      received = await readIncoming(req, 1024);
      const verdict = await verifySigV4(received, suiteVerifierOptions()).then(
        () => 'verified',
        (error: unknown) => (error instanceof GatewayAuthError ? error.message : String(error)),
      );
      res.end(verdict);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => close(server));

/** Sends `headers` with node:http, an array value as one header line per value. */
const send = (headers: Record<string, string | string[]>) =>
  new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });

describe('a header sent twice', () => {
  const vector = sigV4Vector('get-header-key-duplicate');

  it('is read as SigV4 joins it, so the suite’s get-header-key-duplicate signature verifies', async () => {
    const values = vector.headers.map(([, value]) => value);
    expect(values).toEqual(['value2', 'value2', 'value1']);
    const verdict = await send({
      host: SUITE.host,
      'x-amz-date': SUITE.amzDate,
      'My-Header1': values,
      authorization: vector.authorization,
    });
    expect(received?.headers['my-header1']).toBe('value2,value2,value1');
    expect(verdict).toBe('verified');
  });

  it('keeps every value of a header Node would keep only once (authorization)', async () => {
    await send({
      host: SUITE.host,
      'x-amz-date': SUITE.amzDate,
      authorization: [vector.authorization, 'Bearer second'],
    });
    expect(received?.headers.authorization).toBe(`${vector.authorization},Bearer second`);
  });
});
