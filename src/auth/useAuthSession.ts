import {
  confirmSignIn,
  fetchAuthSession,
  getCurrentUser,
  signIn,
  signOut,
  type SignInOutput,
} from 'aws-amplify/auth';
import { useCallback, useEffect, useState } from 'react';
import { authErrorMessage } from './authErrorMessage';
import { summarizeSession, type SessionDetails } from './summarizeSession';

export type AuthState =
  | { status: 'restoring' }
  | { status: 'signedOut'; error?: string }
  | { status: 'newPasswordRequired'; error?: string }
  | { status: 'signedIn'; details: SessionDetails }
  /** Signed in to the user pool, but the session (tokens or credentials) could not be read. */
  | { status: 'sessionFailed'; error: string };

export interface AuthSessionApi {
  state: AuthState;
  /** True while a sign-in, password change or sign-out is in flight. */
  busy: boolean;
  signIn(email: string, password: string): Promise<void>;
  setNewPassword(newPassword: string): Promise<void>;
  signOut(): Promise<void>;
}

async function readSession(loginId?: string): Promise<AuthState> {
  try {
    const session = await fetchAuthSession();
    if (!session.tokens?.idToken) return { status: 'signedOut' };
    return { status: 'signedIn', details: summarizeSession(session, loginId) };
  } catch (error) {
    return {
      status: 'sessionFailed',
      error: `Signed in, but the session could not be loaded: ${authErrorMessage(error)}`,
    };
  }
}

/** An existing session (tokens kept by Amplify across reloads), or signed out. */
async function restoreSession(): Promise<AuthState> {
  try {
    const user = await getCurrentUser();
    return await readSession(user.signInDetails?.loginId ?? user.username);
  } catch (error) {
    if (error instanceof Error && error.name === 'UserUnAuthenticatedException') {
      return { status: 'signedOut' };
    }
    return { status: 'signedOut', error: authErrorMessage(error) };
  }
}

async function afterSignInStep(output: SignInOutput, email: string): Promise<AuthState> {
  const step = output.nextStep.signInStep;
  switch (step) {
    case 'DONE':
      return readSession(email);
    case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
      return { status: 'newPasswordRequired' };
    default:
      return {
        status: 'signedOut',
        error: `This account needs a sign-in step the console does not support yet (${step}).`,
      };
  }
}

/** The sign-in flow and the resulting session, backed by Amplify Auth. */
export function useAuthSession(): AuthSessionApi {
  const [state, setState] = useState<AuthState>({ status: 'restoring' });
  const [busy, setBusy] = useState(false);
  const [loginId, setLoginId] = useState('');

  useEffect(() => {
    let current = true;
    void restoreSession().then((restored) => {
      if (current) setState(restored);
    });
    return () => {
      current = false;
    };
  }, []);

  const run = useCallback(
    async (action: () => Promise<AuthState>, onError: (e: string) => AuthState) => {
      setBusy(true);
      try {
        setState(await action());
      } catch (error) {
        setState(onError(authErrorMessage(error)));
      } finally {
        setBusy(false);
      }
    },
    [],
  );

  const signInWithPassword = useCallback(
    (email: string, password: string) => {
      setLoginId(email);
      return run(
        async () => afterSignInStep(await signIn({ username: email, password }), email),
        (error) => ({ status: 'signedOut', error }),
      );
    },
    [run],
  );

  const setNewPassword = useCallback(
    (newPassword: string) =>
      run(
        async () =>
          afterSignInStep(await confirmSignIn({ challengeResponse: newPassword }), loginId),
        (error) => ({ status: 'newPasswordRequired', error }),
      ),
    [run, loginId],
  );

  const signOutOfConsole = useCallback(
    () =>
      run(
        async () => {
          await signOut();
          return { status: 'signedOut' };
        },
        // Amplify clears the local tokens even when revoking them fails.
        (error) => ({
          status: 'signedOut',
          error: `Signed out on this device; the sign-in service reported: ${error}`,
        }),
      ),
    [run],
  );

  return {
    state,
    busy,
    signIn: signInWithPassword,
    setNewPassword,
    signOut: signOutOfConsole,
  };
}
