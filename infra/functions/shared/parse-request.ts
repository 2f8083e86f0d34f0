import type { z } from 'zod';
import type { RouteSchemas } from '@contract';
import { badRequest } from './http-error';

export interface RawRequest {
  pathParameters: Record<string, string | undefined> | null;
  queryStringParameters: Record<string, string | undefined> | null;
  body: string | null;
  isBase64Encoded: boolean;
}

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ParsedRequest<R extends RouteSchemas> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: Parsed<R['body']>;
}

/**
 * Validates a request against its route's schemas. The first problem answers 400 naming the
 * field (`body.email`, `query.limit`) before anything is read or written.
 */
export function parseRequest<R extends RouteSchemas>(route: R, raw: RawRequest): ParsedRequest<R> {
  return {
    params: parsePart(route.params, 'path', raw.pathParameters ?? {}),
    query: parsePart(route.query, 'query', raw.queryStringParameters ?? {}),
    body: route.body ? parsePart(route.body, 'body', parseJsonBody(raw)) : undefined,
  } as ParsedRequest<R>;
}

function parsePart(schema: z.ZodType | undefined, where: string, value: unknown): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [where, ...issue.path.map(String)].join('.');
  throw badRequest(`${field}: ${issue.message}`, field);
}

function parseJsonBody(raw: RawRequest): unknown {
  if (raw.body === null || raw.body === '')
    throw badRequest('body: a JSON body is required', 'body');
  const text = raw.isBase64Encoded ? Buffer.from(raw.body, 'base64').toString('utf8') : raw.body;
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('body: is not valid JSON', 'body');
  }
}
