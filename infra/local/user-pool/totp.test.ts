import { describe, expect, it } from 'vitest';
import { matchingTotpStep, newTotpSecret, totpCodeForStep, totpStep } from './totp';

describe('TOTP as the local pool checks it (RFC 6238, SHA-1, 6 digits, 30 s)', () => {
  const secret = newTotpSecret();
  const at = 1_800_000_000_000;
  const step = totpStep(at);

  it('makes base32 secrets of 32 bytes, as Cognito’s SecretCode', () => {
    expect(secret).toMatch(/^[A-Z2-7]{52}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('accepts the current step and one either side, naming the step', () => {
    for (const d of [-1, 0, 1]) {
      expect(matchingTotpStep(secret, totpCodeForStep(secret, step + d), at)).toBe(step + d);
    }
  });

  it('refuses steps further away, and anything but six digits', () => {
    expect(matchingTotpStep(secret, totpCodeForStep(secret, step - 2), at)).toBeUndefined();
    expect(matchingTotpStep(secret, totpCodeForStep(secret, step + 2), at)).toBeUndefined();
    const code = totpCodeForStep(secret, step);
    expect(matchingTotpStep(secret, ` ${code}`, at)).toBeUndefined();
    expect(matchingTotpStep(secret, code.slice(1), at)).toBeUndefined();
  });
});
