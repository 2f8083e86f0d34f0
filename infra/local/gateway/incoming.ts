import type { IncomingMessage } from 'node:http';
import { readBody } from '../aws/http';

/** A request as a gateway sees it on the wire, before anything is decoded. */
export interface IncomingRequest {
  method: string;
  /** Still percent-encoded, as sent. */
  rawPath: string;
  /** Without `?`, as sent. */
  rawQuery: string;
  /**
   * Lower-case names; a header sent more than once has its values joined with `,` in the order
   * sent, as SigV4 canonicalisation joins them.
   */
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
  return {
    method: req.method ?? 'GET',
    rawPath: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: joinedHeaders(req),
    body: await readBody(req, maxBodyBytes),
    sourceIp: (req.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, ''),
  };
}

/**
 * Each header's values joined with `,` in the order sent, as SigV4 canonicalisation joins
 * them. Not `req.headers`: Node joins a repeated header with `, ` (which no longer matches the
 * signature) and keeps only the first of some (`authorization`, `content-type`…).
 */
export function joinedHeaders(req: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(req.headersDistinct).map(([name, values]) => [name, (values ?? []).join(',')]),
  );
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
