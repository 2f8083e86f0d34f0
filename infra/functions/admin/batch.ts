import type { APIGatewayProxyEvent } from 'aws-lambda';
import { BATCH_HEADER } from '@contract';
import { badRequest } from '../shared/http-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The import or bulk action a request belongs to (`BATCH_HEADER`), for its audit entry; a
 * value that is not a UUID is refused (400) before anything happens, so the log holds only ids.
 */
export function batchOf(event: APIGatewayProxyEvent): string | undefined {
  const wanted = BATCH_HEADER.toLowerCase();
  const value = Object.entries(event.headers ?? {}).find(
    ([key]) => key.toLowerCase() === wanted,
  )?.[1];
  if (value === undefined || value === null) return undefined;
  if (!UUID.test(value)) throw badRequest(`${BATCH_HEADER} must be a UUID.`);
  return value.toLowerCase();
}
