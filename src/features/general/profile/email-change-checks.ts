import { authProblem } from '../../../auth/auth-problem';
import { inviteUserBody } from '@contract';
import { Problem, type MessageKey } from '../../../i18n/problem';

/**
 * The checks "Change email" makes before asking Cognito, and Cognito's refusals in words: each
 * a `Problem` shown under the field it is about.
 */

/** The new address, trimmed, checked with the rule an administrator's invitation uses. */
export function checkNewEmail(typed: string, current: string | undefined): string {
  const email = typed.trim();
  if (!email) throw new Problem('emailChange.errors.enterAddress');
  if (!inviteUserBody.shape.email.safeParse(email).success) {
    throw new Problem('emailChange.errors.invalidAddress');
  }
  if (email === current) throw new Problem('emailChange.errors.sameAddress');
  return email;
}

/** Cognito's verification codes are six digits. */
export function checkCode(typed: string): string {
  const code = typed.trim();
  if (!code) throw new Problem('authErrors.enterCode');
  if (!/^\d{6}$/.test(code)) throw new Problem('emailChange.errors.codeFormat');
  return code;
}

/** Refusals that mean something particular when changing an e-mail address. */
const BY_NAME: Readonly<Record<string, MessageKey>> = {
  AliasExistsException: 'emailChange.errors.taken',
  CodeDeliveryFailureException: 'emailChange.errors.notDelivered',
  ExpiredCodeException: 'emailChange.errors.codeExpired',
};

/**
 * A failed UpdateUserAttributes, VerifyUserAttribute or GetUserAttributeVerificationCode as a
 * sentence; what they share with sign-in (a wrong code, too many attempts, a revoked session,
 * the network) is worded as sign-in words it.
 */
export function emailChangeProblem(error: unknown): Problem {
  if (error instanceof Error) {
    if (error.name === 'InvalidParameterException' && /email/i.test(error.message)) {
      return new Problem('emailChange.errors.invalidAddress');
    }
    if (error.name === 'NotAuthorizedException' && /unauthorized attribute/i.test(error.message)) {
      return new Problem('emailChange.errors.notAllowed');
    }
    const known = BY_NAME[error.name];
    if (known) return new Problem(known);
  }
  return authProblem(error);
}
