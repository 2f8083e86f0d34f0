import { timingSafeEqual } from 'node:crypto';

/**
 * Compares secrets in constant time for a given length. Only the length can leak, and every
 * value compared here (signatures, session tokens) has a length that is no secret.
 */
export function timingSafeEqualStrings(a: string, b: string): boolean {
  const bytesA = Buffer.from(a, 'utf8');
  const bytesB = Buffer.from(b, 'utf8');
  return bytesA.length === bytesB.length && timingSafeEqual(bytesA, bytesB);
}
