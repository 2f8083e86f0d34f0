import { expect } from 'vitest';

/** Asserts that an SDK call failed with this AWS error code and (exact or matching) message. */
export async function expectAwsError(
  call: Promise<unknown>,
  code: string,
  message?: string | RegExp,
): Promise<void> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e as { name: string; message: string; $metadata?: { httpStatusCode?: number } },
  );
  expect(error, `expected ${code}, but the call succeeded`).toBeDefined();
  expect(error!.name).toBe(code);
  if (typeof message === 'string') expect(error!.message).toBe(message);
  else if (message) expect(error!.message).toMatch(message);
}
