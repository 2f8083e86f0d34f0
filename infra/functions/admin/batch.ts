import type { APIGatewayProxyEvent } from 'aws-lambda';
import { BATCH_HEADER, batchId } from '@contract';
import { headerOf } from '../shared/headers';
import { badRequest } from '../shared/http-error';

/**
 * The import or bulk action a request belongs to (`BATCH_HEADER`), for its audit entry; a
 * value that is not a UUID is refused (400) before anything happens, so the log holds only ids.
 */
export function batchOf(event: APIGatewayProxyEvent): string | undefined {
  const value = headerOf(event, BATCH_HEADER);
  if (value === undefined) return undefined;
  const parsed = batchId.safeParse(value);
  if (!parsed.success) throw badRequest(`${BATCH_HEADER} must be a UUID.`);
  return parsed.data;
}
