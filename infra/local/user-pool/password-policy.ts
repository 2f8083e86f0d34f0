import { randomInt } from 'node:crypto';
import { USER_POOL_SETTINGS, type PasswordPolicy } from '@contract';
import { AwsError } from '../aws/errors';

/** The symbols Cognito counts (its documented set). */
const SYMBOLS = `^$*.[]{}()?"!@#%&/\\,><':;|_~\`=+- `;

function rulesOf(policy: PasswordPolicy): Array<[test: (p: string) => boolean, message: string]> {
  return [
    [(p) => p.length >= policy.minLength, 'Password not long enough'],
    [(p) => !policy.requireLowercase || /[a-z]/.test(p), 'Password must have lowercase characters'],
    [(p) => !policy.requireUppercase || /[A-Z]/.test(p), 'Password must have uppercase characters'],
    [(p) => !policy.requireDigits || /[0-9]/.test(p), 'Password must have numeric characters'],
    [
      (p) => !policy.requireSymbols || [...p].some((c) => SYMBOLS.includes(c)),
      'Password must have symbol characters',
    ],
  ];
}

/** Throws Cognito's `InvalidPasswordException` for the first rule the password breaks. */
export function assertPasswordConforms(
  password: string,
  policy: PasswordPolicy = USER_POOL_SETTINGS.passwordPolicy,
): void {
  for (const [test, message] of rulesOf(policy)) {
    if (!test(password)) {
      throw new AwsError(
        'InvalidPasswordException',
        `Password did not conform with policy: ${message}`,
      );
    }
  }
}

/** A temporary password that satisfies the policy, as AdminCreateUser generates one. */
export function generateTemporaryPassword(
  policy: PasswordPolicy = USER_POOL_SETTINGS.passwordPolicy,
): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!#%&*+-=?@^_'];
  const all = sets.join('');
  const chars = sets.map((set) => set[randomInt(set.length)]!);
  while (chars.length < Math.max(12, policy.minLength)) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
