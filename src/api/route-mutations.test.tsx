// @vitest-environment jsdom
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTES, type RouteName } from '@contract/routes';
import { isMutatingRoute, staleAfter } from '@contract/staleness';
import { ApiContext, type Apis } from './api-context';
import type { ApiClient } from './clients';
import { createQueryClient } from './query-client';
import { useRouteMutation } from './route-mutations';
import { routeQuery, type ConsoleMutation, type ConsoleRead } from './route-queries';

/** The console's routes: those of the APIs its client calls. */
const consoleRoutes = (Object.keys(ROUTES) as RouteName[]).filter(
  (name) => ROUTES[name].api !== 'ops',
);
const mutations = consoleRoutes.filter(isMutatingRoute) as ConsoleMutation[];
const reads = consoleRoutes.filter((name) => !isMutatingRoute(name)) as ConsoleRead[];

/** Any input with every path parameter the route has: the fake API does not look at it. */
const inputOf = (name: RouteName) => ({
  params: Object.fromEntries(
    [...ROUTES[name].path.matchAll(/\{(\w+)\}/g)].map(([, param]) => [param, 'x']),
  ),
});

/** A query client with one cached answer for every read, none of them stale yet. */
function cacheOfEveryRead(): QueryClient {
  const queryClient = createQueryClient(answering);
  for (const read of reads) {
    queryClient.setQueryData(routeQuery(read, inputOf(read) as never).queryKey, {} as never);
  }
  return queryClient;
}

const invalidated = (queryClient: QueryClient) =>
  reads.filter(
    (read) =>
      queryClient.getQueryState(routeQuery(read, inputOf(read) as never).queryKey)?.isInvalidated,
  );

const answering = (async () => undefined) as unknown as ApiClient;

function wrapperFor(queryClient: QueryClient, api = answering) {
  const apis: Apis = { signedFetch: () => Promise.reject(new Error('not in this test')), api };
  return ({ children }: { children: ReactNode }) => (
    <ApiContext.Provider value={apis}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiContext.Provider>
  );
}

afterEach(cleanup);

describe('useRouteMutation', () => {
  it('walks every mutating route of the contract', () => {
    expect(mutations.length).toBeGreaterThan(0);
    expect(reads.length).toBeGreaterThan(0);
  });

  it.each(mutations)('%s marks exactly what the contract declares stale', async (route) => {
    const queryClient = cacheOfEveryRead();
    const { result } = renderHook(() => useRouteMutation(route), {
      wrapper: wrapperFor(queryClient),
    });
    await act(() => result.current.mutateAsync(inputOf(route) as never));
    expect(new Set(invalidated(queryClient))).toEqual(new Set(staleAfter(route)));
  });

  it('invalidates after the route the variables chose, once the screen’s onSuccess ran', async () => {
    const queryClient = cacheOfEveryRead();
    const order: string[] = [];
    const { result } = renderHook(
      () =>
        useRouteMutation(
          (id: string) => ({ route: 'deleteAnnouncement', input: { params: { id } } }),
          {
            onSuccess: () => {
              order.push(
                `onSuccess, audit stale: ${invalidated(queryClient).includes('listAudit')}`,
              );
            },
          },
        ),
      { wrapper: wrapperFor(queryClient) },
    );
    await act(() => result.current.mutateAsync('0123456789ab'));
    expect(order).toEqual(['onSuccess, audit stale: false']);
    expect(new Set(invalidated(queryClient))).toEqual(new Set(staleAfter('deleteAnnouncement')));
  });

  it('invalidates nothing when the call fails', async () => {
    const queryClient = cacheOfEveryRead();
    const refusing = (() => Promise.reject(new Error('refused'))) as unknown as ApiClient;
    const { result } = renderHook(() => useRouteMutation('postAnnouncement'), {
      wrapper: wrapperFor(queryClient, refusing),
    });
    await act(() =>
      result.current.mutateAsync({ body: { title: 'T', body: 'B' } }).catch(() => undefined),
    );
    expect(invalidated(queryClient)).toEqual([]);
  });
});
