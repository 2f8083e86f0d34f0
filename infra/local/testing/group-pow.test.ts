import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { modPow, SRP_GROUP } from '../user-pool/srp';
import { groupPow } from './group-pow';

const { N, g } = SRP_GROUP;
const random = (bytes: number) => BigInt(`0x${randomBytes(bytes).toString('hex')}`);

describe('groupPow, the test SRP client’s exponentiation', () => {
  it('agrees with modPow on random bases and on exponents of the sizes SRP uses', () => {
    for (const bytes of [16, 32, 128, 160]) {
      const exponent = random(bytes);
      for (const base of [g, random(384) % N, N - 2n]) {
        expect(groupPow(base, exponent)).toBe(modPow(base, exponent, N));
      }
    }
  });

  it('agrees with modPow on the bases OpenSSL refuses as a key, and on exponents 0 and 1', () => {
    const exponent = random(128);
    for (const base of [0n, 1n, N - 1n, N, N + 5n]) {
      expect(groupPow(base, exponent)).toBe(modPow(base, exponent, N));
    }
    const base = random(384) % N;
    expect(groupPow(base, 0n)).toBe(1n);
    expect(groupPow(base, 1n)).toBe(base);
  });
});
