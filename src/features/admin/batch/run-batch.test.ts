import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/api-error';
import { runBatch, type RowOutcome } from './run-batch';

const throttled = () =>
  new ApiError({
    status: 429,
    kind: 'Throttled',
    message: 'Too many requests',
    hint: 'Throttled',
    requestId: null,
  });

/** Records outcomes by row, and waits without waiting. */
function recorder<R>() {
  const outcomes: RowOutcome<R>[] = [];
  const waits: number[] = [];
  return {
    outcomes,
    waits,
    onSettled: (index: number, outcome: RowOutcome<R>) => void (outcomes[index] = outcome),
    onWait: (_index: number, ms: number) => void waits.push(ms),
    sleep: async () => undefined,
  };
}

describe('runBatch', () => {
  it('runs every row, no more than the concurrency at once, and reports each', async () => {
    let inFlight = 0;
    let most = 0;
    const seen = recorder<number>();
    await runBatch([1, 2, 3, 4, 5, 6, 7, 8, 9], {
      ...seen,
      signal: new AbortController().signal,
      concurrency: 3,
      perform: async (n) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight--;
        if (n === 5) throw new Error('refused');
        return n * 10;
      },
    });
    expect(most).toBe(3);
    expect(seen.outcomes.map((o) => (o.state === 'done' ? o.value : o.state))).toEqual([
      10,
      20,
      30,
      40,
      'failed',
      60,
      70,
      80,
      90,
    ]);
  });

  it('tries a throttled row again after 1, 2 and 4 s, and counts it once', async () => {
    let calls = 0;
    const seen = recorder<string>();
    await runBatch(['a'], {
      ...seen,
      signal: new AbortController().signal,
      perform: async () => {
        if (++calls <= 3) throw throttled();
        return 'invited';
      },
    });
    expect(seen.waits).toEqual([1000, 2000, 4000]);
    expect(seen.outcomes).toEqual([{ state: 'done', value: 'invited' }]);
  });

  it('gives up on a row throttled past its five waits, with the 429', async () => {
    const seen = recorder<string>();
    await runBatch(['a'], {
      ...seen,
      signal: new AbortController().signal,
      perform: async () => Promise.reject(throttled()),
    });
    expect(seen.waits).toHaveLength(5);
    expect(seen.outcomes[0]).toMatchObject({ state: 'failed', error: { status: 429 } });
  });

  it('on Stop, lets the calls in flight finish and sends nothing more', async () => {
    const stop = new AbortController();
    const sent: number[] = [];
    const seen = recorder<number>();
    await runBatch([0, 1, 2, 3, 4, 5], {
      ...seen,
      signal: stop.signal,
      concurrency: 2,
      perform: async (n) => {
        sent.push(n);
        if (n === 1) stop.abort();
        await new Promise((resolve) => setTimeout(resolve, 1));
        return n;
      },
    });
    expect(sent).toEqual([0, 1]);
    expect(seen.outcomes.map((o) => o.state)).toEqual([
      'done',
      'done',
      'notSent',
      'notSent',
      'notSent',
      'notSent',
    ]);
  });

  it('reports a row stopped while it waited out a throttle as not sent', async () => {
    const stop = new AbortController();
    const seen = recorder<string>();
    await runBatch(['a'], {
      ...seen,
      signal: stop.signal,
      perform: async () => Promise.reject(throttled()),
      sleep: (_ms, signal) => {
        stop.abort();
        return Promise.reject(signal.reason as Error);
      },
    });
    expect(seen.outcomes).toEqual([{ state: 'notSent' }]);
  });
});
