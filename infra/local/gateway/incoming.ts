import type { IncomingMessage } from 'node:http';
import { readBody } from '../aws/http';

/** A request as a gateway sees it on the wire, before anything is decoded. */
export interface IncomingRequest {
  method: string;
  /** Still percent-encoded, as sent. */
  rawPath: string;
  /** Without `?`, as sent. */
  rawQuery: string;
  /** Lower-case names; repeated headers joined with `,` as HTTP allows. */
  headers: Record<string, string>;
  body: Buffer;
  sourceIp: string;
}

export async function readIncoming(
  req: IncomingMessage,
  maxBodyBytes: number,
): Promise<IncomingRequest> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return {
    method: req.method ?? 'GET',
    rawPath: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers,
    body: await readBody(req, maxBodyBytes),
    sourceIp: (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ''),
  };
}

/**
 * One query key or value: a raw `+` is a space, as AWS reads it (for the signature and for the
 * integration alike); `%2B` is a plus; a malformed escape is kept as sent.
 */
function decodeQueryComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The query as API Gateway hands it to Lambda: last value wins, and every value listed. */
export function parseQuery(rawQuery: string): {
  single: Record<string, string>;
  multi: Record<string, string[]>;
} {
  // A Map, not an object literal: keys such as `__proto__` or `valueOf` are data like any other.
  const values = new Map<string, string[]>();
  for (const pair of rawQuery.split('&').filter(Boolean)) {
    const eq = pair.indexOf('=');
    const key = decodeQueryComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = decodeQueryComponent(eq < 0 ? '' : pair.slice(eq + 1));
    values.set(key, [...(values.get(key) ?? []), value]);
  }
  const entries = [...values];
  return {
    single: Object.fromEntries(entries.map(([key, all]) => [key, all.at(-1)!])),
    multi: Object.fromEntries(entries),
  };
}
