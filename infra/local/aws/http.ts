import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AwsError } from './errors';

export class BodyTooLargeError extends Error {}

/** Reads a request body, refusing more than `limitBytes`. */
export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new BodyTooLargeError(`Request body exceeds ${limitBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** AWS JSON 1.1 error: `x-amzn-ErrorType` and `{"__type", "message"}` as the SDKs parse them. */
export function sendAwsJsonError(res: ServerResponse, error: AwsError, requestId: string): void {
  sendJson(
    res,
    error.status,
    { __type: error.code, message: error.message },
    { 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': `${error.code}:` },
    'application/x-amz-json-1.1',
  );
}
