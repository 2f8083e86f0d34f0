import { randomInt } from 'node:crypto';
import { AwsError } from '../aws/errors';

/** Cognito's default policy: 8+ characters with upper, lower, digit and symbol. */
const MIN_LENGTH = 8;
/** The symbols Cognito counts (its documented set). */
const SYMBOLS = `^$*.[]{}()?"!@#%&/\\,><':;|_~\`=+- `;

const rules: Array<[test: (p: string) => boolean, message: string]> = [
  [(p) => p.length >= MIN_LENGTH, 'Password not long enough'],
  [(p) => /[a-z]/.test(p), 'Password must have lowercase characters'],
  [(p) => /[A-Z]/.test(p), 'Password must have uppercase characters'],
  [(p) => /[0-9]/.test(p), 'Password must have numeric characters'],
  [(p) => [...p].some((c) => SYMBOLS.includes(c)), 'Password must have symbol characters'],
];

/** Throws Cognito's `InvalidPasswordException` for the first rule the password breaks. */
export function assertPasswordConforms(password: string): void {
  for (const [test, message] of rules) {
    if (!test(password)) {
      throw new AwsError(
        'InvalidPasswordException',
        `Password did not conform with policy: ${message}`,
      );
    }
  }
}

/** A temporary password that satisfies the policy, as AdminCreateUser generates one. */
export function generateTemporaryPassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!#%&*+-=?@^_'];
  const all = sets.join('');
  const chars = sets.map((set) => set[randomInt(set.length)]!);
  while (chars.length < 12) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
