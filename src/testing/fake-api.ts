import type { ApiClient } from '../api/clients';
import { decodeApiError } from '../api/api-error';
import type { RouteInput, RouteOutput } from '../api/route-caller';
import { ROUTES, type RouteName } from '@contract/routes';

/** A test's answers, by route: each a function of the call's input, as its handler would be. */
export type FakeRoutes = {
  [K in RouteName]?: (input: RouteInput<K>) => RouteOutput<K> | Promise<RouteOutput<K>>;
};

export interface FakeCall {
  route: RouteName;
  input: unknown;
  /** The import or bulk action it was part of, when it was. */
  batch?: string;
}

/**
 * The console's APIs as a test answers them. Every answer is checked against the route's
 * response schema, so a fixture cannot drift from the contract; a route the test gave no
 * answer for fails loudly. `calls` records what was asked, in order.
 */
export function fakeApi(routes: FakeRoutes): { api: ApiClient; calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  async function call<K extends RouteName>(
    route: K,
    input: RouteInput<K>,
    init?: { batch?: string },
  ) {
    calls.push({ route, input, ...(init?.batch ? { batch: init.batch } : {}) });
    const answer = routes[route] as ((input: RouteInput<K>) => unknown) | undefined;
    if (!answer) throw new Error(`The test gave no answer for ${route}`);
    return ROUTES[route].response.parse(await answer(input)) as RouteOutput<K>;
  }
  return { api: call as ApiClient, calls };
}

/** An error answer decoded as the console decodes API Gateway's and the handlers'. */
export function refusal(status: number, errorType: string, message: string) {
  const response = new Response(JSON.stringify({ message }), {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-ErrorType': errorType },
  });
  return decodeApiError(
    response,
    new URL('https://abc123.execute-api.ap-northeast-1.amazonaws.com/prod'),
  );
}
