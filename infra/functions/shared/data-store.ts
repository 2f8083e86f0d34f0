import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient } from './aws-clients';
import { HttpError } from './http-error';

/** Errors Node reports when a connection cannot be made or is lost. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export const storeUnavailable = () =>
  new HttpError(503, 'The data store is unavailable; try again shortly.', {
    code: 'ServiceUnavailable',
  });

/**
 * True when DynamoDB could not answer at all (no connection, no answer in time, after the
 * SDK's retries) or answered with its own 5xx: the request may be tried again later, and it is
 * not a fault of the handler's.
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { $metadata, code } = error as { $metadata?: { httpStatusCode?: number }; code?: string };
  const status = $metadata?.httpStatusCode;
  if (status !== undefined) return status >= 500;
  return error.name === 'TimeoutError' || (code !== undefined && NETWORK_ERROR_CODES.has(code));
}

/**
 * Runs one DynamoDB call; a store that cannot answer becomes the caller's 503
 * `{"message", "code": "ServiceUnavailable"}` rather than a Lambda error (502).
 */
export async function withStore<T>(call: (db: DynamoDBDocumentClient) => Promise<T>): Promise<T> {
  try {
    return await call(documentClient());
  } catch (error) {
    if (isStoreUnavailable(error)) throw storeUnavailable();
    throw error;
  }
}
