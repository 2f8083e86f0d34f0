import { Problem, type MessageKey } from '../i18n/problem';

/** Amplify's own input checks and client-side failures, by error name. */
const BY_NAME: Readonly<Record<string, MessageKey>> = {
  EmptySignInUsername: 'authErrors.enterEmail',
  EmptySignInPassword: 'authErrors.enterPassword',
  EmptyConfirmSignInChallengeResponse: 'authErrors.enterNewPassword',
  EmptyResetPasswordUsername: 'authErrors.enterEmail',
  EmptyConfirmResetPasswordUsername: 'authErrors.enterEmail',
  EmptyConfirmResetPasswordNewPassword: 'authErrors.enterNewPassword',
  EmptyConfirmResetPasswordConfirmationCode: 'authErrors.enterCode',
  EmptyUpdatePassword: 'authErrors.enterPassword',
  NetworkError: 'authErrors.network',
  UserUnAuthenticatedException: 'authErrors.notSignedIn',
  UserNotFoundException: 'authErrors.userNotFound',
  PasswordResetRequiredException: 'authErrors.passwordResetRequired',
  CodeMismatchException: 'authErrors.codeMismatch',
  ExpiredCodeException: 'authErrors.codeExpired',
  LimitExceededException: 'authErrors.limitExceeded',
  TooManyRequestsException: 'authErrors.tooManyRequests',
  TooManyFailedAttemptsException: 'authErrors.attemptsExceeded',
  InvalidParameterException: 'authErrors.invalidParameter',
};

/**
 * At a code from the authenticator app (the sign-in's code or setup step, turning the app on),
 * a mismatch is about that code: wrong, already used, or from another account's entry.
 * Cognito's VerifySoftwareToken names a wrong code EnableSoftwareTokenMFAException.
 */
const TOTP_BY_NAME: Readonly<Record<string, MessageKey>> = {
  CodeMismatchException: 'authErrors.totpMismatch',
  EnableSoftwareTokenMFAException: 'authErrors.totpMismatch',
  ExpiredCodeException: 'authErrors.totpMismatch',
  TooManyFailedAttemptsException: 'authErrors.totpAttemptsExceeded',
  EmptyConfirmSignInChallengeResponse: 'authErrors.enterTotpCode',
  EmptyVerifyTOTPSetupCode: 'authErrors.enterTotpCode',
  SoftwareTokenMFANotFoundException: 'authErrors.totpNotEnabled',
};

/**
 * Cognito answers several different situations with NotAuthorizedException and tells them
 * apart only by message, so the message picks the sentence.
 */
const NOT_AUTHORIZED: ReadonlyArray<[RegExp, MessageKey]> = [
  [/disabled/i, 'authErrors.userDisabled'],
  [/ambiguous role mapping|role mapping rules/i, 'authErrors.noRole'],
  [/Temporary password has expired/i, 'authErrors.temporaryPasswordExpired'],
  [/cannot be reset in the current state/i, 'authErrors.cannotResetPassword'],
  [/attempts exceeded/i, 'authErrors.attemptsExceeded'],
  [/session is expired|Invalid session/i, 'authErrors.sessionExpired'],
  [/(Refresh|Access) Token has been revoked|has expired/i, 'authErrors.refreshRevoked'],
];

/** InvalidPasswordException names the first rule broken ("…: Password must have …"). */
const PASSWORD_RULES: ReadonlyArray<[RegExp, MessageKey]> = [
  [/long enough|length/i, 'authErrors.passwordTooShort'],
  [/lowercase/i, 'authErrors.passwordNeedsLowercase'],
  [/uppercase/i, 'authErrors.passwordNeedsUppercase'],
  [/numeric/i, 'authErrors.passwordNeedsNumber'],
  [/symbol/i, 'authErrors.passwordNeedsSymbol'],
];

const pick = (rules: ReadonlyArray<[RegExp, MessageKey]>, message: string) =>
  rules.find(([pattern]) => pattern.test(message))?.[1];

/**
 * What to tell a person about a failed sign-in step, in words they understand: never
 * Cognito's raw text. `context` says which step failed where the same error means different
 * things (a wrong password at sign-in is "email or password"; at change-password it is the
 * current password).
 */
export function authProblem(
  error: unknown,
  context: 'signIn' | 'changePassword' | 'totp' = 'signIn',
): Problem {
  if (error instanceof Problem) return error;
  if (!(error instanceof Error)) return new Problem('authErrors.unknown', { name: String(error) });
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new Problem('authErrors.network');
  }
  const totp = context === 'totp' ? TOTP_BY_NAME[error.name] : undefined;
  if (totp) return new Problem(totp);
  switch (error.name) {
    case 'NotAuthorizedException': {
      if (context === 'totp') return new Problem(totpRefusal(error.message));
      const specific = pick(NOT_AUTHORIZED, error.message);
      if (specific) return new Problem(specific);
      return new Problem(
        context === 'changePassword'
          ? 'authErrors.wrongCurrentPassword'
          : 'authErrors.incorrectCredentials',
      );
    }
    case 'InvalidPasswordException':
      return new Problem(pick(PASSWORD_RULES, error.message) ?? 'authErrors.passwordInvalid');
  }
  const known = BY_NAME[error.name];
  if (known) return new Problem(known);
  return new Problem('authErrors.unknown', { name: error.name || 'Error' });
}

/**
 * NotAuthorizedException at a code: too many wrong codes lock the account like wrong
 * passwords; otherwise the sign-in's session is what Cognito no longer accepts (expired, or
 * spent), and only starting again helps.
 */
function totpRefusal(message: string): MessageKey {
  if (/attempts exceeded/i.test(message)) return 'authErrors.totpAttemptsExceeded';
  return pick(NOT_AUTHORIZED, message) ?? 'authErrors.sessionExpired';
}
