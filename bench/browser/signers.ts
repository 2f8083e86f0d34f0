/**
 * The page side of `bench/signer-in-chromium.bench.ts`: the console's SigV4 signer and two
 * peers, each given the same request, timed in the same page. Bundled with esbuild and served
 * from 127.0.0.1 (a secure context, so `crypto.subtle` is there); the driver calls
 * `globalThis.signerBench` through `page.evaluate`.
 */
import { signRequest as amplifySignRequest } from '@aws-amplify/core/internals/aws-client-utils';
import { AwsV4Signer } from 'aws4fetch';
import { canonicalUrl, signRequest } from '../../src/api/sign-request';

export const SIGNER_NAMES = ['ours', 'aws4fetch', 'amplify'] as const;
export type SignerName = (typeof SIGNER_NAMES)[number];
export const CASE_NAMES = ['GET with query', 'POST 1 KB JSON', 'POST 100 KB JSON'] as const;
export type CaseName = (typeof CASE_NAMES)[number];

export interface RunConfig {
  rounds: number;
  /** Signatures per timed batch: performance.now() is coarse, a batch is not. */
  batch: number;
  warmupRounds: number;
}

export interface PageResult {
  /** Per case, per signer: the mean µs per signature of each timed batch, in round order. */
  batchMeansUs: Record<CaseName, Record<SignerName, number[]>>;
  /** performance.now() resolution is 5 µs only in a cross-origin isolated page. */
  crossOriginIsolated: boolean;
  userAgent: string;
}

export interface SignerBench {
  /** Each signer's Authorization header per case, to check they sign the same thing. */
  authorizations(): Promise<Record<CaseName, Record<SignerName, string>>>;
  run(config: RunConfig): Promise<PageResult>;
}

const REGION = 'ap-northeast-1';
const SERVICE = 'execute-api';
const SIGNING_DATE = new Date('2026-03-14T01:59:26Z');
const API = 'https://a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com/prod';

/**
 * Shaped like what the identity pool hands out (not real keys): an `ASIA` key id and an
 * STS session token of about Cognito's length, which every signer hashes into the request.
 */
const CREDENTIALS = {
  accessKeyId: 'ASIAZZZZBENCHEXAMPLE',
  secretAccessKey: 'bench/K7MDENG+bPxRfiCYEXAMPLEKEYwJalrXUtnF',
  sessionToken: `IQoJb3JpZ2luX2VjE${'BenchOnlyNotARealToken0123456789+/'.repeat(30)}Zg==`,
};

/** A JSON document of exactly `bytes` bytes, shaped like a list an admin screen posts. */
function jsonBody(bytes: number): Uint8Array<ArrayBuffer> {
  // Each item is at most 73 characters while ids stay under 100 000; the note pads the rest.
  const items = Array.from({ length: Math.floor((bytes - 32) / 80) }, (_, i) => ({
    id: `user-${i}`,
    email: `user${i}@example.com`,
    groups: ['general'],
  }));
  const unpadded = JSON.stringify({ items, note: '' }).length;
  return new TextEncoder().encode(JSON.stringify({ items, note: 'x'.repeat(bytes - unpadded) }));
}

/** One request as `createSigningFetch` hands it to `signRequest`. */
interface SignInput {
  url: URL;
  method: string;
  headers: Headers;
  body: Uint8Array<ArrayBuffer> | undefined;
}

function requestFor(name: CaseName): SignInput {
  const json = new Headers({ 'content-type': 'application/json' });
  switch (name) {
    case 'GET with query':
      return {
        url: canonicalUrl(`${API}/admin/users?limit=60&filter=email ^= "a b"&group=admin,general`),
        method: 'GET',
        headers: new Headers(),
        body: undefined,
      };
    case 'POST 1 KB JSON':
      return {
        url: canonicalUrl(`${API}/admin/announcements`),
        method: 'POST',
        headers: json,
        body: jsonBody(1024),
      };
    case 'POST 100 KB JSON':
      return {
        url: canonicalUrl(`${API}/admin/announcements`),
        method: 'POST',
        headers: json,
        body: jsonBody(100 * 1024),
      };
  }
}

type Sign = () => Promise<string>;

/**
 * Each signer bound to one request in its own input shape (built once, outside the timing),
 * returning the Authorization header it produced.
 */
function bind(signer: SignerName, input: SignInput): Sign {
  switch (signer) {
    case 'ours':
      return async () => {
        const { headers } = await signRequest({
          ...input,
          credentials: CREDENTIALS,
          region: REGION,
          service: SERVICE,
          signingDate: SIGNING_DATE,
        });
        return headers.get('authorization') ?? '';
      };
    case 'aws4fetch': {
      const url = input.url.toString();
      const datetime = SIGNING_DATE.toISOString().replace(/[:-]|\.\d{3}/g, '');
      // `AwsClient` keeps one signing-key cache per client; a bare AwsV4Signer would derive
      // the key (four HMACs) on every call, which is not how aws4fetch is used.
      const cache = new Map<string, ArrayBuffer>();
      return async () => {
        const signed = await new AwsV4Signer({
          url,
          method: input.method,
          headers: input.headers,
          body: input.body,
          ...CREDENTIALS,
          service: SERVICE,
          region: REGION,
          datetime,
          cache,
          // aws4fetch leaves content-type unsigned by default; ours and Amplify sign it.
          allHeaders: true,
        }).sign();
        return signed.headers.get('authorization') ?? '';
      };
    }
    case 'amplify': {
      const request = {
        url: input.url,
        method: input.method,
        headers: Object.fromEntries(input.headers),
        body: input.body,
      };
      const options = {
        credentials: CREDENTIALS,
        signingDate: SIGNING_DATE,
        signingRegion: REGION,
        signingService: SERVICE,
      };
      // Amplify's signer is synchronous; the async wrapper costs it what awaiting costs the others.
      return async () => amplifySignRequest(request, options).headers.authorization ?? '';
    }
  }
}

const bound = () =>
  CASE_NAMES.map((name) => {
    const input = requestFor(name);
    return { name, signs: SIGNER_NAMES.map((signer) => [signer, bind(signer, input)] as const) };
  });

/** Mean µs per signature over `batch` sequential signatures; checks the last one. */
async function timeBatch(sign: Sign, batch: number, expected: string): Promise<number> {
  let last = '';
  const start = performance.now();
  for (let i = 0; i < batch; i++) last = await sign();
  const elapsed = performance.now() - start;
  if (last !== expected) throw new Error('a signer changed its output during the run');
  return (elapsed * 1000) / batch;
}

async function authorizations() {
  const out = {} as Record<CaseName, Record<SignerName, string>>;
  for (const { name, signs } of bound()) {
    const row = {} as Record<SignerName, string>;
    for (const [signer, sign] of signs) row[signer] = await sign();
    out[name] = row;
  }
  return out;
}

async function run(config: RunConfig): Promise<PageResult> {
  const cases = bound();
  const expected = await authorizations();
  const batchMeansUs = {} as PageResult['batchMeansUs'];
  for (const { name } of cases) {
    batchMeansUs[name] = { ours: [], aws4fetch: [], amplify: [] };
  }
  for (let round = -config.warmupRounds; round < config.rounds; round++) {
    for (const { name, signs } of cases) {
      // Rotate the order (ABC, BCA, CAB) so drift and GC pauses land on every signer alike.
      const offset = ((round % signs.length) + signs.length) % signs.length;
      for (let k = 0; k < signs.length; k++) {
        const [signer, sign] = signs[(k + offset) % signs.length]!;
        const us = await timeBatch(sign, config.batch, expected[name][signer]);
        if (round >= 0) batchMeansUs[name][signer].push(us);
      }
    }
    if (round >= 0 && (round + 1) % 10 === 0) console.log(`round ${round + 1}/${config.rounds}`);
  }
  return { batchMeansUs, crossOriginIsolated, userAgent: navigator.userAgent };
}

const bench: SignerBench = { authorizations, run };
(globalThis as unknown as { signerBench: SignerBench }).signerBench = bench;
