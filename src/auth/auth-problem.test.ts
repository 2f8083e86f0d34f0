import { AuthError } from 'aws-amplify/auth';
import { describe, expect, it } from 'vitest';
import { Problem } from '../i18n/problem';
import { authProblem } from './auth-problem';

const cognito = (name: string, message: string) => new AuthError({ name, message });

describe('authProblem turns Cognito and Amplify errors into sentences', () => {
  it.each([
    [
      'NotAuthorizedException',
      'Incorrect username or password.',
      'authErrors.incorrectCredentials',
    ],
    ['NotAuthorizedException', 'User is disabled.', 'authErrors.userDisabled'],
    ['NotAuthorizedException', 'Password attempts exceeded', 'authErrors.attemptsExceeded'],
    [
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
      'authErrors.sessionExpired',
    ],
    ['NotAuthorizedException', 'Refresh Token has been revoked', 'authErrors.refreshRevoked'],
    [
      'NotAuthorizedException',
      'Temporary password has expired and must be reset by an administrator.',
      'authErrors.temporaryPasswordExpired',
    ],
    [
      'NotAuthorizedException',
      'User password cannot be reset in the current state.',
      'authErrors.cannotResetPassword',
    ],
    [
      'NotAuthorizedException',
      'The ambiguous role mapping rules for: cognito-idp… denied this request.',
      'authErrors.noRole',
    ],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password not long enough',
      'authErrors.passwordTooShort',
    ],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have uppercase characters',
      'authErrors.passwordNeedsUppercase',
    ],
    [
      'InvalidPasswordException',
      'Password did not conform with policy: Password must have symbol characters',
      'authErrors.passwordNeedsSymbol',
    ],
    ['InvalidPasswordException', 'Something new', 'authErrors.passwordInvalid'],
    [
      'CodeMismatchException',
      'Invalid verification code provided, please try again.',
      'authErrors.codeMismatch',
    ],
    [
      'ExpiredCodeException',
      'Invalid code provided, please request a code again.',
      'authErrors.codeExpired',
    ],
    [
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
      'authErrors.limitExceeded',
    ],
    ['EmptySignInPassword', 'password is required to signIn', 'authErrors.enterPassword'],
    ['NetworkError', 'A network error has occurred.', 'authErrors.network'],
  ])('%s "%s" → %s', (name, message, key) => {
    expect(authProblem(cognito(name, message)).key).toBe(key);
  });

  it('reads a wrong password at change-password as the current password', () => {
    const error = cognito('NotAuthorizedException', 'Incorrect username or password.');
    expect(authProblem(error, 'changePassword').key).toBe('authErrors.wrongCurrentPassword');
  });

  it.each([
    ['CodeMismatchException', 'Invalid code received for user', 'authErrors.totpMismatch'],
    ['EnableSoftwareTokenMFAException', 'Code mismatch', 'authErrors.totpMismatch'],
    ['NotAuthorizedException', 'Password attempts exceeded', 'authErrors.totpAttemptsExceeded'],
    [
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
      'authErrors.sessionExpired',
    ],
    ['NotAuthorizedException', 'Invalid session for the user.', 'authErrors.sessionExpired'],
    ['EmptyConfirmSignInChallengeResponse', 'required', 'authErrors.enterTotpCode'],
    ['SoftwareTokenMFANotFoundException', 'not enabled', 'authErrors.totpNotEnabled'],
  ])('at an authenticator code, %s "%s" → %s', (name, message, key) => {
    expect(authProblem(cognito(name, message), 'totp').key).toBe(key);
  });

  it('treats a failed fetch as the network', () => {
    expect(authProblem(new TypeError('Failed to fetch')).key).toBe('authErrors.network');
  });

  it('names an error it does not know instead of showing its raw message', () => {
    const problem = authProblem(cognito('InternalErrorException', 'stack trace …'));
    expect(problem).toMatchObject({
      key: 'authErrors.unknown',
      values: { name: 'InternalErrorException' },
    });
  });

  it('passes a Problem through unchanged', () => {
    const problem = new Problem('form.passwordsDiffer');
    expect(authProblem(problem)).toBe(problem);
  });
});
