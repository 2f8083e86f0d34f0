import { describe, expect, it } from 'vitest';
import { mapConcurrently } from './map-concurrently';

describe('mapConcurrently', () => {
  it('answers in the items’ order while never running more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3, 0, 6], 3, async (ms) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(most).toBe(3);
  });

  it('answers an empty list without calling anything', async () => {
    expect(await mapConcurrently([], 5, () => Promise.reject(new Error('called')))).toEqual([]);
  });

  it('rejects with the first failure', async () => {
    await expect(
      mapConcurrently([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two failed');
        return n;
      }),
    ).rejects.toThrow('two failed');
  });
});
