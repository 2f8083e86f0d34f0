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
  context: 'signIn' | 'changePassword' = 'signIn',
): Problem {
  if (error instanceof Problem) return error;
  if (!(error instanceof Error)) return new Problem('authErrors.unknown', { name: String(error) });
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new Problem('authErrors.network');
  }
  switch (error.name) {
    case 'NotAuthorizedException': {
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
