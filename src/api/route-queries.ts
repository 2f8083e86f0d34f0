import { queryOptions, type QueryClient, type QueryFunction } from '@tanstack/react-query';
import { ROUTES, type RouteName } from '@contract/routes';
import { staleAfter, type MutatingRouteName, type ReadRouteName } from '@contract/staleness';
import type { ApiClient, ConsoleApiName } from './clients';
import type { RouteInput, RouteNameOf, RouteOutput } from './route-caller';

/**
 * The one place query keys are made. A route's answer is cached under `[route name, input]`,
 * so `[route name]` reaches every input of it, which is how invalidation names a read. No
 * screen writes a key: it asks for `routeQuery(name, input)`.
 */

/** A route of the console's APIs that reads. */
export type ConsoleRead = ReadRouteName & RouteNameOf<ConsoleApiName>;
/** A route of the console's APIs that changes something. */
export type ConsoleMutation = MutatingRouteName & RouteNameOf<ConsoleApiName>;

/** A route's input, which may be left out when nothing in it is required. */
export type InputArgs<K extends RouteName> =
  Record<never, never> extends RouteInput<K> ? [input?: RouteInput<K>] : [input: RouteInput<K>];

type RouteQueryKey<K extends ConsoleRead> = readonly [name: K, input: unknown];

/**
 * A read's query options (bulletproof-react's per-operation `queryOptions`): its key, typed
 * with the route's answer. The query client's default query function makes the call the key
 * names (`routeQueryFunction`).
 */
export function routeQuery<K extends ConsoleRead>(name: K, ...[input]: InputArgs<K>) {
  return queryOptions<RouteOutput<K>, Error, RouteOutput<K>, RouteQueryKey<K>>({
    queryKey: [name, input ?? {}],
  });
}

/** Reads that are no route of the contract (Cognito's, the access probe's), named here. */
export type LocalRead = 'accessProbe' | 'cognitoUserAttributes' | 'mfaPreference';

/** The query options of a read that is no route: its name and how it is made. */
export function localQuery<T>(name: LocalRead, queryFn: () => Promise<T>) {
  return queryOptions({ queryKey: ['local', name] as const, queryFn });
}

const isConsoleRead = (name: unknown): name is ConsoleRead =>
  typeof name === 'string' &&
  Object.hasOwn(ROUTES, name) &&
  ROUTES[name as RouteName].method === 'GET';

/** Calls the route a `routeQuery` key names, with its input: the query client's default. */
export function routeQueryFunction(api: ApiClient): QueryFunction {
  return ({ queryKey: [name, input], signal }) => {
    if (!isConsoleRead(name)) {
      throw new Error(`${String(name)} is no read of the console's APIs: give it a queryFn`);
    }
    return api(name, input as RouteInput<typeof name>, { signal });
  };
}

/**
 * Marks stale everything the contract says a call of `route` changes (`staleAfter`), and
 * reads again what is on screen; resolves once that is done.
 */
export async function invalidateStaleAfter(
  queryClient: QueryClient,
  route: MutatingRouteName,
): Promise<void> {
  await Promise.all(
    staleAfter(route).map((read) => queryClient.invalidateQueries({ queryKey: [read] })),
  );
}
