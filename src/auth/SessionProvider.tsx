import {
  confirmSignIn,
  fetchAuthSession,
  getCurrentUser,
  signIn,
  signOut,
  type SignInOutput,
} from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Problem } from '../i18n/problem';
import { amplifySources } from './amplify-sources';
import { authProblem } from './auth-problem';
import { SessionContext, type Session, type SessionState } from './session-context';
import { summarizeSession } from './summarize-session';

/** The same for the whole app: they read Amplify's session, whoever is signed in. */
const { credentials, idToken } = amplifySources(() => new Problem('authErrors.notSignedIn'));

/** Refresh failures that mean the session is over (not a network blip). */
const SESSION_ENDING_ERRORS = new Set([
  'NotAuthorizedException',
  'TokenRevokedException',
  'UserNotFoundException',
  'RefreshTokenReuseException',
]);

/** Whether Amplify has a user signed in (its tokens survive reloads in localStorage). */
async function currentLoginId(): Promise<string | undefined> {
  try {
    const user = await getCurrentUser();
    return user.signInDetails?.loginId ?? user.username;
  } catch (error) {
    if (error instanceof Error && error.name === 'UserUnAuthenticatedException') return undefined;
    throw error;
  }
}

/**
 * Holds the session: restores it at start-up, walks the sign-in steps with Amplify, and
 * hands the identity pool's credentials and the ID token to the API clients.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'restoring' });
  const generation = useRef(0);
  const loginId = useRef<string | undefined>(undefined);

  /** Reads tokens and credentials into a signed-in state (a new generation). */
  const enterSession = useCallback(async (forceRefresh: boolean) => {
    const session = await fetchAuthSession({ forceRefresh });
    if (!session.tokens?.idToken) {
      setState({ status: 'signedOut' });
      return;
    }
    generation.current += 1;
    setState({
      status: 'signedIn',
      details: summarizeSession(session, loginId.current),
      generation: generation.current,
    });
  }, []);

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        loginId.current = await currentLoginId();
      } catch (error) {
        // Amplify may still hold tokens: offer sign-out rather than a sign-in it would refuse.
        if (current) setState({ status: 'failed', problem: authProblem(error) });
        return;
      }
      if (!current) return;
      if (loginId.current === undefined) {
        setState({ status: 'signedOut' });
        return;
      }
      try {
        await enterSession(false);
      } catch (error) {
        // Signed in to the user pool, but the tokens or credentials could not be read.
        if (current) setState({ status: 'failed', problem: authProblem(error) });
      }
    })();
    return () => {
      current = false;
    };
  }, [enterSession]);

  // A refresh token that stops working (revoked, signed out elsewhere, user disabled) ends
  // the session here too, with a reason, instead of failing every later call.
  // Amplify also reports network and throttling failures here and keeps the tokens then, so
  // only Cognito's refusals end the session.
  useEffect(
    () =>
      Hub.listen('auth', ({ payload }) => {
        if (payload.event !== 'tokenRefresh_failure') return;
        const name = (payload.data as { error?: { name?: string } } | undefined)?.error?.name;
        if (name && SESSION_ENDING_ERRORS.has(name)) {
          setState({ status: 'signedOut', problem: new Problem('authErrors.refreshRevoked') });
        }
      }),
    [],
  );

  /** Signed in to the user pool: a session that then cannot be read leaves a way out. */
  const enterAfterSignIn = useCallback(async () => {
    try {
      await enterSession(false);
    } catch (error) {
      setState({ status: 'failed', problem: authProblem(error) });
    }
  }, [enterSession]);

  const afterStep = useCallback(
    async (output: SignInOutput, email: string) => {
      const step = output.nextStep.signInStep;
      if (step === 'DONE') return enterAfterSignIn();
      if (step === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') {
        setState({ status: 'newPasswordRequired', email });
        return;
      }
      throw new Problem('authErrors.unsupportedStep', { step });
    },
    [enterAfterSignIn],
  );

  const signInWithPassword = useCallback(
    async (email: string, password: string) => {
      loginId.current = email;
      let output: SignInOutput;
      try {
        output = await signIn({ username: email, password });
      } catch (error) {
        // Amplify still holds a session (another tab signed in): use it.
        if (error instanceof Error && error.name === 'UserAlreadyAuthenticatedException') {
          return enterAfterSignIn();
        }
        throw authProblem(error);
      }
      await afterStep(output, email);
    },
    [afterStep, enterAfterSignIn],
  );

  const confirmNewPassword = useCallback(
    async (newPassword: string) => {
      try {
        await afterStep(
          await confirmSignIn({ challengeResponse: newPassword }),
          loginId.current ?? '',
        );
      } catch (error) {
        throw authProblem(error);
      }
    },
    [afterStep],
  );

  const signOutOfConsole = useCallback(async () => {
    try {
      // Revokes the refresh token (and the tokens minted from it), then forgets them here.
      await signOut();
      setState({ status: 'signedOut', notice: 'signedOut' });
    } catch (error) {
      // Amplify clears the tokens on this device even when the revocation call fails.
      setState({ status: 'signedOut', notice: 'signedOut', revocationFailed: authProblem(error) });
    }
  }, []);

  const refreshAccess = useCallback(async () => {
    try {
      await enterSession(true);
    } catch (error) {
      throw authProblem(error);
    }
  }, [enterSession]);

  const value = useMemo<Session>(
    () => ({
      state,
      signIn: signInWithPassword,
      confirmNewPassword,
      signOut: signOutOfConsole,
      refreshAccess,
      credentials,
      idToken,
    }),
    [state, signInWithPassword, confirmNewPassword, signOutOfConsole, refreshAccess],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
