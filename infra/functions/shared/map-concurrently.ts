/**
 * `items.map(fn)` with at most `limit` calls of `fn` under way at once, answers in the items'
 * order. For fanning out one service call per item without bursting past the service's rate
 * quota; the first failure rejects the whole map, as `Promise.all` does.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
