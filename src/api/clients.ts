import { ROUTES, type ApiName } from '@contract/routes';
import { createRouteCaller, type RouteCaller, type Transport } from './route-caller';

/** The APIs the console calls. The ops API is for monitoring systems, never for the console. */
export type ConsoleApiName = Exclude<ApiName, 'ops'>;

/**
 * Every route of the console's APIs, called by its contract name with the contract's types:
 * `api('getUser', { params: { username } })`. Nothing is listed here: a route added to the
 * contract is callable at once.
 */
export type ApiClient = RouteCaller<ConsoleApiName>;

/** Where an API is served and how a request to it is sent (signed, with the ID token…). */
export interface ApiEndpoint {
  baseUrl: string;
  transport: Transport;
}

/** One typed client for several APIs: each call goes to the API its route belongs to. */
export function createApiClient<A extends ApiName>(
  endpoints: Readonly<Record<A, ApiEndpoint>>,
): RouteCaller<A> {
  const callers = new Map<ApiName, RouteCaller<A>>(
    (Object.entries(endpoints) as Array<[A, ApiEndpoint]>).map(([api, endpoint]) => [
      api,
      createRouteCaller(api, endpoint.baseUrl, endpoint.transport),
    ]),
  );
  return (name, input, init) => {
    const { api } = ROUTES[name];
    const caller = callers.get(api);
    if (!caller) {
      return Promise.reject(new Error(`${name} is a route of the ${api} API, not given here`));
    }
    return caller(name, input, init);
  };
}

/**
 * The general API's base for its `/api/...` route paths. `generalApiUrl` is where `/api` is
 * served: `/api` on the SPA's own origin (CloudFront or the dev server pass it on to the
 * API's stage), or an absolute `…/api` URL.
 */
export function generalApiBase(generalApiUrl: string, origin: string): string {
  const url = new URL(generalApiUrl, origin);
  return url.href.replace(/\/+$/, '').replace(/\/api$/, '');
}
