import { AuthError } from 'aws-amplify/auth';
import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './authErrorMessage';

describe('authErrorMessage', () => {
  it("shows Cognito's own message", () => {
    const error = new AuthError({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(authErrorMessage(error)).toBe('Incorrect username or password.');
  });

  it('rewords network failures', () => {
    const amplifyNetworkError = new AuthError({
      name: 'NetworkError',
      message: 'A network error has occurred.',
    });
    expect(authErrorMessage(amplifyNetworkError)).toMatch(/^Could not reach the sign-in service/);
    expect(authErrorMessage(new TypeError('Failed to fetch'))).toMatch(
      /^Could not reach the sign-in service/,
    );
  });

  it("rewords Amplify's input checks", () => {
    const error = new AuthError({
      name: 'EmptySignInPassword',
      message: 'password is required to signIn',
    });
    expect(authErrorMessage(error)).toBe('Enter your password.');
  });

  it('names the error when it has no message', () => {
    const error = new Error('');
    error.name = 'InternalErrorException';
    expect(authErrorMessage(error)).toBe('Sign-in failed (InternalErrorException).');
  });

  it('copes with values that are not errors', () => {
    expect(authErrorMessage('boom')).toBe('Sign-in failed for an unknown reason. Try again.');
  });
});
