/**
 * TOTP codes for tests, as an authenticator app computes them (the same RFC 6238 parameters
 * the local pool checks with). The pool takes each step once per user, so tests that sign in
 * the same user several times ask `nextTotpCode` for a step not yet handed out.
 */
import { totpCodeForStep, totpStep, TOTP_PARAMETERS } from '../user-pool/totp';

const STEP_MS = TOTP_PARAMETERS.period * 1000;
/**
 * A handed-out code must stay accepted while the request travels: the step before the current
 * one is only offered while at least this much of the current step remains.
 */
const SAFETY_MARGIN_MS = 15_000;

/** The code an authenticator app shows at `at` (epoch ms). */
export function totpCode(secret: string, at: number = Date.now()): string {
  return totpCodeForStep(secret, totpStep(at));
}

/** The last step handed out per secret in this process. */
const lastHandedOut = new Map<string, number>();

/**
 * A code the pool accepts at `now` and has not seen from this process: the smallest step in the
 * accepted window (current step ± 1) above every step already handed out for this secret.
 * Waits for the next 30-second step only when the window has none left. Pass the stack's clock
 * (`stack.clock.now`) when a test moves it.
 */
export async function nextTotpCode(
  secret: string,
  now: number | (() => number) = Date.now,
): Promise<string> {
  const clock = typeof now === 'function' ? now : fixedFrom(now);
  for (;;) {
    const at = clock();
    const lowest = totpStep(at + SAFETY_MARGIN_MS) - 1;
    const highest = totpStep(at) + 1;
    const step = Math.max(lowest, (lastHandedOut.get(secret) ?? -Infinity) + 1);
    if (step <= highest) {
      lastHandedOut.set(secret, step);
      return totpCodeForStep(secret, step);
    }
    // Every step in the window is used: wait until `step` enters it, unless the clock is
    // frozen (a test's `TestClock.freeze()`), where waiting would never end.
    await sleep(20);
    if (clock() === at) {
      throw new Error('Every TOTP step in the window is used and the clock is frozen: advance it.');
    }
    await sleep(Math.max((step - 1) * STEP_MS - clock(), 0) + 50);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fixed starting time that still moves with real time while the helper waits. */
function fixedFrom(start: number): () => number {
  const offset = start - Date.now();
  return () => Date.now() + offset;
}
