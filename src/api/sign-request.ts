import { Sha256 as JsSha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials } from './credentials-cache';

/** RFC 3986 encoding, as SigV4 encodes query keys and values. */
const rfc3986 = (text: string) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * The URL as it will be sent, with its query rewritten in the encoding SigV4 signs, so what
 * goes on the wire is exactly what was signed (a `+` or a raw `,` would otherwise be read
 * differently by the two ends).
 */
export function canonicalUrl(input: string | URL): URL {
  const url = new URL(input);
  const pairs = [...url.searchParams];
  url.search = pairs.map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`).join('&');
  return url;
}

/** A URL's query as smithy takes it: each key once, repeated keys' values as an array. */
export function signableQuery(url: URL): Record<string, string | string[]> {
  // No prototype: `valueOf`, `constructor` or `__proto__` are query keys like any other.
  const query: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of url.searchParams) {
    const existing = Object.hasOwn(query, key) ? query[key] : undefined;
    query[key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return query;
}

/** What smithy hands a hash: data to hash, or an HMAC key (a string or bytes). */
type SourceData = string | ArrayBuffer | ArrayBufferView;

// WebCrypto takes ArrayBuffer-backed bytes; smithy never passes a SharedArrayBuffer.
const bufferOf = (data: SourceData): BufferSource =>
  (typeof data === 'string' ? new TextEncoder().encode(data) : data) as BufferSource;

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * SHA-256 and HMAC-SHA256 on WebCrypto for one signer (one set of credentials).
 * @aws-crypto/sha256-browser, which this replaces, imports the key again for every HMAC and
 * copies every input (+70 µs for a 100 KB body in Chromium); smithy makes two HMACs per
 * request. A JavaScript SHA-256 is no way out: sha256-js is slower than WebCrypto in Chromium
 * even for 64 bytes. `bench/signer-in-chromium.bench.ts` measures the difference.
 */
function webCryptoSha256(subtle: SubtleCrypto) {
  const stringKeys = new Map<string, Promise<CryptoKey>>();
  // Byte keys are smithy's derived keys: the signing key is the same object all day.
  const byteKeys = new WeakMap<object, Promise<CryptoKey>>();
  const keyFor = (secret: SourceData) => {
    let key = typeof secret === 'string' ? stringKeys.get(secret) : byteKeys.get(secret);
    if (!key) {
      key = subtle.importKey('raw', bufferOf(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
        'sign',
      ]);
      if (typeof secret === 'string') stringKeys.set(secret, key);
      else byteKeys.set(secret, key);
    }
    return key;
  };
  const hmac = async (secret: SourceData, data: Uint8Array) =>
    new Uint8Array(await subtle.sign('HMAC', await keyFor(secret), bufferOf(data)));
  const hash = async (data: Uint8Array) =>
    new Uint8Array(await subtle.digest('SHA-256', bufferOf(data)));

  // HMACs keyed by the secret access key itself (a string) have the same few inputs all the
  // signer's life: smithy's signing-key cache lookup, HMAC(secret, access key id), made on every
  // request, and the first derivation step, once a day. Their results are kept.
  const secretHmacs = new Map<string, Promise<Uint8Array>>();

  return class WebCryptoSha256 {
    private chunks: Uint8Array[] = [];
    // An empty secret means a plain hash, as in the @aws-crypto implementations.
    constructor(private readonly secret?: SourceData) {}
    update(data: Uint8Array): void {
      this.chunks.push(data);
    }
    digest(): Promise<Uint8Array> {
      const data = this.chunks.length === 1 ? this.chunks[0]! : concat(this.chunks);
      const secret = this.secret;
      if (!secret) return hash(data);
      if (typeof secret !== 'string' || data.byteLength > 64) return hmac(secret, data);
      // Length-prefixed, so no two (secret, data) pairs share a key.
      const input = `${secret.length}:${secret}${String.fromCharCode(...data)}`;
      let result = secretHmacs.get(input);
      if (!result) secretHmacs.set(input, (result = hmac(secret, data)));
      return result;
    }
    reset(): void {
      this.chunks = [];
    }
  };
}

/**
 * One signer per credentials (dropped with them), region and service, so its imported keys
 * and smithy's derived signing key serve every request signed with those credentials.
 */
const signers = new WeakMap<AwsCredentials, Map<string, SignatureV4>>();

function signerFor(credentials: AwsCredentials, region: string, service: string): SignatureV4 {
  let byScope = signers.get(credentials);
  if (!byScope) signers.set(credentials, (byScope = new Map()));
  const scope = `${region}/${service}`;
  let signer = byScope.get(scope);
  if (!signer) {
    // crypto.subtle exists in secure contexts (https, localhost) and in Node.
    const subtle = globalThis.crypto?.subtle;
    signer = new SignatureV4({
      credentials,
      region,
      service,
      sha256: subtle ? webCryptoSha256(subtle) : JsSha256,
      uriEscapePath: true,
      applyChecksum: false,
    });
    byScope.set(scope, signer);
  }
  return signer;
}

export interface SignedParts {
  /** Headers to send: the caller's plus `x-amz-date`, the session token and `authorization`. */
  headers: Headers;
}

/**
 * Signs one request for `service` in `region` with @smithy/signature-v4: `host` (from the
 * URL, which the browser sends as is), `x-amz-date`, the session token, every header given and
 * the exact body bytes. `host` is signed but not returned: browsers forbid setting it.
 */
export async function signRequest(input: {
  url: URL;
  method: string;
  headers: Headers;
  body: Uint8Array | undefined;
  credentials: AwsCredentials;
  region: string;
  service: string;
  signingDate: Date;
}): Promise<SignedParts> {
  const headers: Record<string, string> = { host: input.url.host };
  input.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const signer = signerFor(input.credentials, input.region, input.service);
  const signed = await signer.sign(
    new HttpRequest({
      method: input.method,
      protocol: input.url.protocol,
      hostname: input.url.hostname,
      port: input.url.port ? Number(input.url.port) : undefined,
      path: input.url.pathname,
      query: signableQuery(input.url),
      headers,
      body: input.body,
    }),
    { signingDate: input.signingDate },
  );
  const out = new Headers();
  for (const [name, value] of Object.entries(signed.headers)) {
    if (name.toLowerCase() !== 'host') out.set(name, String(value));
  }
  return { headers: out };
}
