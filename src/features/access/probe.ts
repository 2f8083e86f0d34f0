import { decodeApiError, type ApiError } from '../../api/api-error';
import type { SigningFetch } from '../../api/signing-fetch';
import {
  DRY_RUN_HEADER,
  GROUP_NAMES,
  routePath,
  routesOf,
  type RouteDefinition,
  type RouteName,
} from '@contract';

export type ProbeResult =
  | { route: RouteName; outcome: 'allowed' }
  | { route: RouteName; outcome: 'denied' | 'failed'; error: ApiError | Error };

/** Path parameters for a dry run: any well-formed value, as nothing is read or changed. */
const PROBE_PARAMS = { username: 'probe', group: GROUP_NAMES[0], id: 'probe' };

/**
 * Asks the real admin API whether this session may call `route`: a signed dry run
 * (`X-Console-Dry-Run`) that API Gateway authorizes like the real call and the handler answers
 * 204 without acting. A refusal comes back in the API's own words.
 */
export async function probeRoute(
  signedFetch: SigningFetch,
  adminApiUrl: string,
  [route, definition]: [RouteName, RouteDefinition],
): Promise<ProbeResult> {
  const url = new URL(adminApiUrl.replace(/\/+$/, '') + routePath(definition, PROBE_PARAMS));
  try {
    const response = await signedFetch(url, {
      method: definition.method,
      headers: { [DRY_RUN_HEADER]: 'true' },
    });
    if (response.ok) {
      await response.body?.cancel();
      return { route, outcome: 'allowed' };
    }
    const error = await decodeApiError(response, url);
    const denied = error.kind === 'AccessDenied' || error.kind === 'Forbidden';
    return { route, outcome: denied ? 'denied' : 'failed', error };
  } catch (error) {
    return {
      route,
      outcome: 'failed',
      error: error instanceof Error ? error : new Error(String(error)),
    };
  }
}

/** Every admin route of the contract, probed at once. */
export function probeAdminRoutes(signedFetch: SigningFetch, adminApiUrl: string) {
  return Promise.all(routesOf('admin').map((entry) => probeRoute(signedFetch, adminApiUrl, entry)));
}
