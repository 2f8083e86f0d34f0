import {
  useMutation,
  useQueryClient,
  type UseMutationOptions,
  type UseMutationResult,
} from '@tanstack/react-query';
import { useApi } from './api-context';
import type { RouteInput, RouteOutput } from './route-caller';
import { invalidateStaleAfter, type ConsoleMutation } from './route-queries';

/** One call of a mutating route: which route, and its input. */
export type RouteCall<K extends ConsoleMutation = ConsoleMutation> = {
  [N in K]: { route: N; input: RouteInput<N> };
}[K];

/** `useMutation`'s options, less what the route decides: what is called, and its key. */
export type RouteMutationOptions<K extends ConsoleMutation, V> = Omit<
  UseMutationOptions<RouteOutput<K>, Error, V>,
  'mutationFn' | 'mutationKey'
>;

/**
 * TanStack's `useMutation` for the contract's routes: it calls the route and, once the call
 * succeeded and the screen's own `onSuccess` ran, refreshes what the contract says the route
 * makes stale (`staleAfter`), so no screen lists what to refetch. The mutation stays pending
 * until what is on screen has been read again.
 *
 * `useRouteMutation('postAnnouncement')` takes the route's input as its variables; give a
 * function instead when the variables choose the route (`(action) => ({ route, input })`).
 * (That overload comes first so the function is typed by it, keeping route names literal.)
 */
export function useRouteMutation<V>(
  toCall: (variables: V) => RouteCall,
  options?: RouteMutationOptions<ConsoleMutation, V>,
): UseMutationResult<RouteOutput<ConsoleMutation>, Error, V>;
export function useRouteMutation<K extends ConsoleMutation>(
  route: K,
  options?: RouteMutationOptions<K, RouteInput<K>>,
): UseMutationResult<RouteOutput<K>, Error, RouteInput<K>>;
export function useRouteMutation(
  target: ConsoleMutation | ((variables: never) => { route: ConsoleMutation; input: unknown }),
  routeOptions?: object,
): unknown {
  const options = (routeOptions ?? {}) as UseMutationOptions<unknown, Error, unknown>;
  const api = useApi();
  const queryClient = useQueryClient();
  const toCall =
    typeof target === 'string'
      ? (input: unknown) => ({ route: target, input })
      : (target as (variables: unknown) => { route: ConsoleMutation; input: unknown });
  return useMutation<unknown, Error, unknown>({
    ...options,
    mutationFn: (variables) => {
      const { route, input } = toCall(variables);
      return api(route, input as never);
    },
    onSuccess: async (data, variables, onMutateResult, context) => {
      await options.onSuccess?.(data, variables, onMutateResult, context);
      await invalidateStaleAfter(queryClient, toCall(variables).route);
    },
  });
}
