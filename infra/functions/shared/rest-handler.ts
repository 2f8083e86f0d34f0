import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { z } from 'zod';
import type { ROUTES } from '@contract';
import {
  API_CORS,
  corsResponseHeaders,
  findRoute,
  type ApiName,
  type RouteDefinition,
  type RouteName,
} from '@contract';
import { listEnv } from './env';
import { HttpError } from './http-error';
import { parseRequest, type ParsedRequest } from './parse-request';
import { awsErrorToHttp } from './aws-errors';
import { headerOf, isDryRun } from './headers';

type RoutesOf<A extends ApiName> = {
  [N in RouteName]: (typeof ROUTES)[N]['api'] extends A ? N : never;
}[RouteName];

export type RouteHandler<N extends RouteName> = (
  request: ParsedRequest<(typeof ROUTES)[N]>,
  event: APIGatewayProxyEvent,
) => Promise<z.input<(typeof ROUTES)[N]['response']>>;

export type RouteHandlers<A extends ApiName> = { [N in RoutesOf<A>]: RouteHandler<N> };

/**
 * A REST API's Lambda proxy handler: finds the route the event's `resource` and method name,
 * validates the request with the route's schemas, and answers JSON with the API's CORS headers
 * for the caller's origin (`API_CORS`; with proxy integration, API Gateway leaves those to the
 * function). `allowedOrigins` is read only for an API that has CORS.
 * Anything unexpected is thrown, so API Gateway answers 502 and the error is logged.
 */
export interface RestHandlerOptions {
  /**
   * Runs before every route (and before a dry run's answer): throws an `HttpError` to refuse
   * the call, e.g. when the caller's access has been taken away since their credentials were
   * issued.
   */
  beforeRoute?: (
    name: RouteName,
    route: RouteDefinition,
    event: APIGatewayProxyEvent,
  ) => Promise<void>;
  /** The site's origins, for an API with CORS (read from `ALLOWED_ORIGINS` by default). */
  allowedOrigins?: () => readonly string[];
}

export function restHandler<A extends ApiName>(
  api: A,
  handlers: RouteHandlers<A>,
  { beforeRoute, allowedOrigins = () => listEnv('ALLOWED_ORIGINS') }: RestHandlerOptions = {},
) {
  const apiCors = API_CORS[api];
  // Read on the first request (not at import) and kept: a function's environment is fixed.
  let origins: readonly string[] | undefined;
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    origins ??= apiCors ? allowedOrigins() : [];
    const cors = corsResponseHeaders(apiCors, originOf(event), origins);
    const found = findRoute(api, event.httpMethod, event.resource);
    if (!found) return json(404, { message: 'No such route' }, cors);
    const [name, route] = found;
    try {
      await beforeRoute?.(name, route, event);
      if (api === 'admin' && isDryRun(event)) {
        return { statusCode: 204, headers: cors, body: '' };
      }
      const request = parseRequest(route, event);
      const handler = handlers[name as RoutesOf<A>] as RouteHandler<RouteName>;
      const result = await handler(request as never, event);
      const status = route.status ?? 200;
      return status === 204
        ? { statusCode: 204, headers: cors, body: '' }
        : json(status, result, cors);
    } catch (error) {
      const answer = error instanceof HttpError ? error : awsErrorToHttp(error);
      if (!answer) throw error;
      return json(answer.status, answer.body, cors);
    }
  };
}

function originOf(event: APIGatewayProxyEvent): string | undefined {
  return headerOf(event, 'Origin');
}

function json(
  status: number,
  body: unknown,
  headers: Record<string, string>,
): APIGatewayProxyResult {
  return {
    statusCode: status,
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  };
}
