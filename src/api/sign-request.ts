import { Sha256 } from '@aws-crypto/sha256-browser';
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

/**
 * One signer per credentials (dropped with them), region and service, so smithy's derived
 * signing key serves every request signed with those credentials.
 */
const signers = new WeakMap<AwsCredentials, Map<string, SignatureV4>>();

function signerFor(credentials: AwsCredentials, region: string, service: string): SignatureV4 {
  let byScope = signers.get(credentials);
  if (!byScope) signers.set(credentials, (byScope = new Map()));
  const scope = `${region}/${service}`;
  let signer = byScope.get(scope);
  if (!signer) {
    signer = new SignatureV4({
      credentials,
      region,
      service,
      // WebCrypto in a browser's secure context, sha256-js elsewhere (Node, plain http pages).
      sha256: Sha256,
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
