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
  const query: Record<string, string | string[]> = {};
  for (const [key, value] of url.searchParams) {
    const existing = query[key];
    query[key] = existing === undefined ? value : [...[existing].flat(), value];
  }
  return query;
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
  const signer = new SignatureV4({
    credentials: input.credentials,
    region: input.region,
    service: input.service,
    sha256: Sha256,
    uriEscapePath: true,
    applyChecksum: false,
  });
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
