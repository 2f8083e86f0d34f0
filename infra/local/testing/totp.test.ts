import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpCodeForStep, totpStep } from '../user-pool/totp';
import { nextTotpCode, totpCode } from './totp';

const codeSteps = (secret: string, at: number, codes: string[]) =>
  codes.map((code) =>
    [-1, 0, 1].map((d) => totpStep(at) + d).find((s) => totpCodeForStep(secret, s) === code),
  );

describe('TOTP codes for tests', () => {
  it('totpCode is the RFC 6238 code of the step `at` falls in', () => {
    // RFC 6238 Appendix B's SHA-1 vector, ASCII "12345678901234567890" in base32, 8 digits
    // there (94287082): the last six are this code.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, 59_000)).toBe('287082');
  });

  it('nextTotpCode hands out increasing steps within the accepted window', async () => {
    const secret = newTotpSecret();
    // Early in a step, so the step before is still offered.
    const at = (totpStep(Date.now()) + 10) * 30_000 + 1_000;
    const codes = [await nextTotpCode(secret, at), await nextTotpCode(secret, at)];
    codes.push(await nextTotpCode(secret, at));
    expect(codeSteps(secret, at, codes)).toEqual([-1, 0, 1].map((d) => totpStep(at) + d));
  });

  it('refuses to wait on a frozen clock once the window is used up', async () => {
    const secret = newTotpSecret();
    const at = totpStep(Date.now()) * 30_000 + 1_000;
    const frozen = () => at;
    for (let i = 0; i < 3; i++) await nextTotpCode(secret, frozen);
    await expect(nextTotpCode(secret, frozen)).rejects.toThrow(/frozen/);
  });
});
