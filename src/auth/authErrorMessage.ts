const NETWORK_MESSAGE =
  'Could not reach the sign-in service. Check your connection (and, locally, that `npm start` is running), then try again.';

/** Amplify's own input checks, reworded for the form. */
const MESSAGES_BY_NAME: Readonly<Record<string, string>> = {
  EmptySignInUsername: 'Enter your email.',
  EmptySignInPassword: 'Enter your password.',
  EmptyConfirmSignInChallengeResponse: 'Enter a new password.',
  NetworkError: NETWORK_MESSAGE,
};

/**
 * A sentence for people from an Amplify or Cognito error. Cognito's own messages are already
 * plain ("Incorrect username or password."), so they are shown as they are.
 */
export function authErrorMessage(error: unknown): string {
  if (error instanceof Error) {
    const known = MESSAGES_BY_NAME[error.name];
    if (known) return known;
    if (error instanceof TypeError && /fetch|network/i.test(error.message)) return NETWORK_MESSAGE;
    if (error.message) return error.message;
    if (error.name && error.name !== 'Error') return `Sign-in failed (${error.name}).`;
  }
  return 'Sign-in failed for an unknown reason. Try again.';
}
