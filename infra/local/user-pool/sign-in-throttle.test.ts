import { describe, expect, it } from 'vitest';
import { lockoutMs, SignInThrottle } from './sign-in-throttle';

describe('the lockout schedule', () => {
  it('allows five failures, then locks out for 2^(n-5) seconds, up to 15 minutes', () => {
    expect([1, 2, 3, 4].map(lockoutMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 14].map(lockoutMs)).toEqual([1000, 2000, 4000, 8000, 512_000]);
    expect([15, 16, 40].map(lockoutMs)).toEqual([900_000, 900_000, 900_000]);
  });
});

describe('SignInThrottle', () => {
  const clock = () => {
    let now = Date.UTC(2026, 10, 21);
    return { now: () => now, advance: (ms: number) => (now += ms) };
  };
  const lockedOut = (throttle: SignInThrottle, key: string) => {
    try {
      throttle.assertNotLockedOut(key);
      return false;
    } catch (error) {
      expect(error).toMatchObject({
        code: 'NotAuthorizedException',
        message: 'Password attempts exceeded',
      });
      return true;
    }
  };

  it('does not count attempts refused during a lockout', () => {
    const time = clock();
    const throttle = new SignInThrottle(time.now);
    for (let i = 0; i < 5; i++) throttle.recordFailure('a');
    for (let i = 0; i < 10; i++) expect(lockedOut(throttle, 'a')).toBe(true);
    time.advance(1000);
    expect(lockedOut(throttle, 'a')).toBe(false);
    throttle.recordFailure('a'); // the sixth counted failure: 2 s
    time.advance(1999);
    expect(lockedOut(throttle, 'a')).toBe(true);
    time.advance(1);
    expect(lockedOut(throttle, 'a')).toBe(false);
  });

  it('keeps users apart, and forgets a user after a success or 15 idle minutes', () => {
    const time = clock();
    const throttle = new SignInThrottle(time.now);
    for (let i = 0; i < 5; i++) throttle.recordFailure('a');
    expect(lockedOut(throttle, 'b')).toBe(false);
    time.advance(15 * 60_000);
    throttle.recordFailure('a'); // counted from one again: no lockout
    expect(lockedOut(throttle, 'a')).toBe(false);
    for (let i = 0; i < 3; i++) throttle.recordFailure('a');
    throttle.recordSuccess('a');
    for (let i = 0; i < 4; i++) throttle.recordFailure('a');
    expect(lockedOut(throttle, 'a')).toBe(false);
  });
});
