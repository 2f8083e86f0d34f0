import { QueryClient } from '@tanstack/react-query';
import type { ApiClient } from './clients';
import { routeQueryFunction } from './route-queries';

/**
 * The query cache of one session generation. Reads made with `routeQuery` are called through
 * `api`. The signing fetch already retries what is safe to retry (GETs, with backoff); a
 * second layer of retries here would repeat them, so queries fail on the first error they see.
 */
export function createQueryClient(api: ApiClient): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        queryFn: routeQueryFunction(api),
        retry: false,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
    },
  });
}
