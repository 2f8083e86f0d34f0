import { randomBytes } from 'node:crypto';

/**
 * A lower-case id that sorts by creation time: milliseconds in base 36 (fixed width) and 8
 * random characters, so ids made in the same millisecond still differ.
 */
export function sortableId(now: number): string {
  const time = now.toString(36).padStart(10, '0');
  const random = [...randomBytes(8)].map((byte) => (byte % 36).toString(36)).join('');
  return time + random;
}
