import { createDiffieHellman } from 'node:crypto';
import { modPow, SRP_GROUP } from '../user-pool/srp';

const bytesOf = (value: bigint) => {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
};

/** OpenSSL with SRP's modulus: a Diffie-Hellman secret `peer^private mod N` is a power in it. */
const openssl = createDiffieHellman(bytesOf(SRP_GROUP.N), bytesOf(SRP_GROUP.g));

/**
 * `base^exponent mod N` in SRP's group, as `modPow` computes it, by OpenSSL: some ten times
 * faster than BigInt arithmetic at the test client's 1024-bit exponents (Amplify's size), which
 * tests pay for at every sign-in. OpenSSL refuses 0, 1 and N − 1 as a peer's key: those stay
 * with `modPow`.
 */
export function groupPow(base: bigint, exponent: bigint): bigint {
  const { N } = SRP_GROUP;
  const reduced = ((base % N) + N) % N;
  if (reduced < 2n || reduced > N - 2n || exponent < 1n) return modPow(reduced, exponent, N);
  openssl.setPrivateKey(bytesOf(exponent));
  return BigInt(`0x${openssl.computeSecret(bytesOf(reduced)).toString('hex')}`);
}
