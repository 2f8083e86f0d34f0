import type { ParseKeys, TFunction } from 'i18next';

export type MessageKey = ParseKeys;

/**
 * Something to tell the person, as a message key and its values, translated where it is
 * shown. Thrown by forms' own checks and made from Amplify's errors.
 */
export class Problem extends Error {
  constructor(
    readonly key: MessageKey,
    readonly values: Record<string, string> = {},
  ) {
    super(key);
    this.name = 'Problem';
  }
}

/** A problem in the person's language. */
export function say(t: TFunction, problem: Problem): string {
  // i18next's key-checked overloads cannot take a key known only as a union at compile
  // time; the key itself was checked when the Problem was made.
  return (t as unknown as (key: string, values: object) => string)(problem.key, problem.values);
}
