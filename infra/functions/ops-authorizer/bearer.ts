import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `Authorization: Bearer <token>` carries `expected`. Both sides are hashed first so
 * the comparison takes the same time whatever the length or content of a wrong guess.
 */
export function bearerMatches(authorization: string, expected: string): boolean {
  const match = /^Bearer ([\x21-\x7e]+)$/.exec(authorization.trim());
  const presented = match?.[1] ?? '';
  const same = timingSafeEqual(digest(presented), digest(expected));
  return same && presented.length > 0;
}
