import { notAuthorized } from '../aws/errors';

/** Failures allowed before the first lockout. */
export const FREE_FAILURES = 5;
/** Cognito caps the lockout at "approximately 15 minutes". */
export const MAX_LOCKOUT_MS = 15 * 60 * 1000;
/** This long without an attempt and the count starts again. */
export const RESET_AFTER_IDLE_MS = 15 * 60 * 1000;

interface FailureRecord {
  /** Failed password checks, not counting attempts refused during a lockout. */
  failures: number;
  lockedUntil: number;
  lastAttemptAt: number;
}

/** How long the `failures`-th failure locks the user out: 2^(n-5) s, capped. */
export const lockoutMs = (failures: number): number =>
  failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES) * 1000, MAX_LOCKOUT_MS);

/**
 * Cognito's lockout after failed password sign-ins, as its developer guide describes it
 * ("Lockout behavior for failed sign-in attempts"): after five failures the user is locked out
 * for 1 s, doubling with each further failure up to about 15 minutes; an attempt during a
 * lockout, even with the right password, is refused with `Password attempts exceeded` and does
 * not count; a successful sign-in, or 15 minutes without an attempt, starts the count again.
 *
 * Kept in memory per user (a restart forgets it, as it forgets pending challenges). Callers
 * pass one key per user, and a key for an unknown name too, so a lockout reveals nothing about
 * whether the user exists.
 */
export class SignInThrottle {
  private readonly records = new Map<string, FailureRecord>();

  constructor(private readonly now: () => number) {}

  /** Refuses an attempt while `key` is locked out; the attempt still counts as activity. */
  assertNotLockedOut(key: string): void {
    const record = this.current(key);
    if (!record) return;
    record.lastAttemptAt = this.now();
    if (record.lockedUntil > this.now()) throw notAuthorized('Password attempts exceeded');
  }

  recordFailure(key: string): void {
    const now = this.now();
    const record = this.current(key) ?? { failures: 0, lockedUntil: 0, lastAttemptAt: now };
    record.failures += 1;
    record.lastAttemptAt = now;
    record.lockedUntil = now + lockoutMs(record.failures);
    this.records.set(key, record);
    this.pruneIdle();
  }

  recordSuccess(key: string): void {
    this.records.delete(key);
  }

  /** The record of `key`, unless it has been idle long enough to be forgotten. */
  private current(key: string): FailureRecord | undefined {
    const record = this.records.get(key);
    if (record && this.now() - record.lastAttemptAt >= RESET_AFTER_IDLE_MS) {
      this.records.delete(key);
      return undefined;
    }
    return record;
  }

  private pruneIdle(): void {
    for (const key of this.records.keys()) this.current(key);
  }
}
