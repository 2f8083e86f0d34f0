import type { z } from 'zod';
import { BATCH_HEADER } from '@contract/cors';
import { ROUTES, routePath, type ApiName, type RouteName } from '@contract/routes';
import { decodeApiError, ResponseShapeError } from './api-error';

export { ResponseShapeError };

type Routes = typeof ROUTES;

/** The names of one API's routes. */
export type RouteNameOf<A extends ApiName> = {
  [K in RouteName]: Routes[K]['api'] extends A ? K : never;
}[RouteName];

/** What a route takes: its path parameters, query and body, each only if it has them. */
export type RouteInput<K extends RouteName> = (Routes[K] extends { params: z.ZodType }
  ? { params: z.input<Routes[K]['params']> }
  : unknown) &
  (Routes[K] extends { query: z.ZodType } ? { query?: z.input<Routes[K]['query']> } : unknown) &
  (Routes[K] extends { body: z.ZodType } ? { body: z.input<Routes[K]['body']> } : unknown);

/** What a route answers on success. */
export type RouteOutput<K extends RouteName> = z.output<Routes[K]['response']>;

export type RouteCaller<A extends ApiName> = <K extends RouteNameOf<A>>(
  name: K,
  input: RouteInput<K>,
  init?: {
    signal?: AbortSignal;
    /** The import or bulk action the call belongs to, for the audit log (`BATCH_HEADER`). */
    batch?: string;
  },
) => Promise<RouteOutput<K>>;

/** How a request is sent: the signing fetch, the ID-token fetch, or a plain one. */
export type Transport = (url: URL, init: RequestInit) => Promise<Response>;

/** The query as URL parameters; absent values are left out. */
function appendQuery(url: URL, query: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      url.searchParams.append(key, String(item));
    }
  }
}

/**
 * Calls one API's routes by name, with the contract's types: the path, query and body come
 * from the route's definition, an error answer is thrown as an `ApiError`, and a success is
 * checked against the route's response schema. No screen builds a URL by hand.
 */
export function createRouteCaller<A extends ApiName>(
  api: A,
  baseUrl: string,
  transport: Transport,
): RouteCaller<A> {
  const base = baseUrl.replace(/\/+$/, '');
  return async (name, input, init = {}) => {
    const route = ROUTES[name];
    if (route.api !== api)
      throw new Error(`${name} is a route of the ${route.api} API, not ${api}`);
    const { params, query, body } = input as {
      params?: Record<string, string>;
      query?: Record<string, unknown>;
      body?: unknown;
    };
    const url = new URL(base + routePath(route, params));
    appendQuery(url, query);
    const headers = new Headers({ accept: 'application/json' });
    if (body !== undefined) headers.set('content-type', 'application/json');
    if (init.batch) headers.set(BATCH_HEADER, init.batch);
    const response = await transport(url, {
      method: route.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: init.signal,
    });
    if (!response.ok) throw await decodeApiError(response, url);
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new ResponseShapeError(name, 'the body is not JSON');
    }
    const parsed = route.response.safeParse(json);
    if (!parsed.success) {
      throw new ResponseShapeError(name, parsed.error.issues.map((i) => i.message).join('; '));
    }
    return parsed.data as RouteOutput<typeof name>;
  };
}
