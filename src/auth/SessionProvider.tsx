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
import { isGroupName } from '@contract/groups';
import { Problem } from '../i18n/problem';
import { amplifySources } from './amplify-sources';
import { authProblem } from './auth-problem';
import { isElevation, leastPrivilegedRole } from './roles/acting-role';
import { consoleActingRole, pendingSwitches, roleChoices } from './roles/console-roles';
import { EXPIRY_MARGIN_MS } from './roles/role-credentials-provider';
import { SessionContext, type Session, type SessionState } from './session-context';
import { summarizeSession, tokenRoles, type SessionDetails } from './summarize-session';
import { TOTP_ISSUER } from './totp-issuer';

/** The same for the whole app: they read Amplify's session, whoever is signed in. */
const { credentials, idToken } = amplifySources(() => new Problem('authErrors.notSignedIn'));

/** How long a switch taken up at sign-in holds before its credentials say when it ends. */
const PROVISIONAL_CHOICE_MS = 60_000;

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
 * Whether the person is in a group whose role calls the admin API: they must use an
 * authenticator app. Loaded when needed: the contract's routes are not in the first download.
 */
async function mustUseTotp(details: SessionDetails): Promise<boolean> {
  const { callsAdminApi } = await import('@contract/group-access');
  return details.groups.some((group) => isGroupName(group) && callsAdminApi(group));
}

/**
 * Whether someone who must use an authenticator app still has to set one up. `knownTotp` is
 * what the sign-in showed (a code step means one is on; a password alone, with the pool's MFA
 * optional, means none is); otherwise the user pool is asked. If that fails the admin API
 * still refuses them (`MfaRequired`), and the console sends them to set one up then.
 */
async function adminNeedsTotp(mustUse: boolean, knownTotp?: boolean): Promise<boolean> {
  if (!mustUse) return false;
  if (knownTotp !== undefined) return !knownTotp;
  try {
    const { hasTotp } = await import('./has-totp');
    return !(await hasTotp());
  } catch {
    return false;
  }
}

/** The e-mail of whoever is signed in, or halfway through signing in. */
function emailOf(state: SessionState): string | undefined {
  if (state.status === 'signedIn') return state.details.email;
  return 'email' in state ? state.email : undefined;
}

/**
 * Signs out with Cognito's GlobalSignOut, which revokes every refresh token of the user;
 * whether or not that works, Amplify forgets the tokens on this device. Resolves with the
 * failure, if one is reported (Amplify v6 logs a failed GlobalSignOut call and goes on).
 */
async function signOutGlobally(): Promise<Problem | undefined> {
  try {
    await signOut({ global: true });
    return undefined;
  } catch (error) {
    return authProblem(error);
  }
}

/** Cognito asks which factor to use (or set up), and the app is one of them. */
function offersTotp({ nextStep }: SignInOutput): boolean {
  return (
    (nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION' ||
      nextStep.signInStep === 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION') &&
    (nextStep.allowedMFATypes?.includes('TOTP') ?? false)
  );
}

/**
 * Holds the session: restores it at start-up, walks the sign-in steps with Amplify, and
 * hands the identity pool's credentials and the ID token to the API clients.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'restoring' });
  const generation = useRef(0);
  const loginId = useRef<string | undefined>(undefined);

  const endSessionsWithoutTotp = useCallback(async () => {
    const revocationFailed = await signOutGlobally();
    setState((now) => ({
      status: 'signedOut',
      notice: 'totpTurnedOn',
      email: emailOf(now) ?? loginId.current,
      revocationFailed,
    }));
  }, []);

  /**
   * Reads tokens and credentials into a signed-in state (a new generation). Someone who must
   * use an authenticator app and has just set it up while signing in (`setUpTotp`) is signed
   * out everywhere instead: sessions opened before it, with a password alone, would keep
   * their rights.
   *
   * After a sign-in (`knownTotp` given) the console acts as the least-privileged role, unless
   * this sign-in was the fresh one, with a code, that a switch to a higher role asked for.
   */
  const enterSession = useCallback(
    async (
      forceRefresh: boolean,
      knownTotp?: boolean,
      setUpTotp = false,
      roleNotice?: 'roleEnded',
    ) => {
      const signingIn = knownTotp !== undefined;
      if (signingIn) {
        const pending = pendingSwitches.take(loginId.current ?? '', Date.now());
        // Only a sign-in that went through a code takes a switch up; for the moment it takes
        // to get the credentials, then until they are about to be refreshed (below).
        roleChoices.set(
          pending && knownTotp
            ? {
                roleArn: pending.roleArn,
                sub: (await getCurrentUser()).userId,
                until: Date.now() + PROVISIONAL_CHOICE_MS,
              }
            : undefined,
        );
      }
      const session = await fetchAuthSession({ forceRefresh });
      if (!session.tokens?.idToken) {
        setState({ status: 'signedOut' });
        return;
      }
      const token = tokenRoles(session);
      const role = consoleActingRole(token);
      const choice = roleChoices.current(token.sub, Date.now());
      if (signingIn && choice) {
        // A switch lasts as long as its first credentials, but for the margin at which new
        // ones would be fetched (they would be the higher role's for another hour). A token
        // without the role (its group taken away meanwhile) ends it at once.
        const expiry = session.credentials?.expiration?.getTime();
        roleChoices.set(
          choice.roleArn === role && expiry
            ? { ...choice, until: expiry - EXPIRY_MARGIN_MS }
            : undefined,
        );
      }
      const until = roleChoices.current(token.sub, Date.now())?.until;
      const details = summarizeSession(session, loginId.current, {
        role,
        until: role !== undefined && until !== undefined ? new Date(until) : undefined,
      });
      const mustUse = await mustUseTotp(details);
      if (setUpTotp && mustUse) return endSessionsWithoutTotp();
      const needsTotp = await adminNeedsTotp(mustUse, knownTotp);
      generation.current += 1;
      setState({
        status: 'signedIn',
        details,
        generation: generation.current,
        mustUseTotp: mustUse,
        adminNeedsTotp: needsTotp,
        ...(roleNotice ? { notice: roleNotice } : {}),
      });
    },
    [endSessionsWithoutTotp],
  );

  // A switch to a more privileged role ends with its credentials: back to the least
  // privileged one, with a new generation (nothing read as the higher role stays shown).
  const roleUntil = state.status === 'signedIn' ? state.details.roleUntil?.getTime() : undefined;
  useEffect(() => {
    if (roleUntil === undefined) return;
    const timer = setTimeout(
      () => {
        roleChoices.set(undefined);
        void enterSession(false, undefined, false, 'roleEnded').catch((error: unknown) =>
          setState({ status: 'failed', problem: authProblem(error) }),
        );
      },
      Math.max(roleUntil - Date.now(), 0),
    );
    return () => clearTimeout(timer);
  }, [roleUntil, enterSession]);

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
          roleChoices.set(undefined);
          setState({ status: 'signedOut', problem: new Problem('authErrors.refreshRevoked') });
        }
      }),
    [],
  );

  /** Whether this sign-in went through a TOTP step (so an authenticator app is on). */
  const usedTotp = useRef(false);
  /** Whether this sign-in set the authenticator app up (Cognito's MFA_SETUP). */
  const setUpTotp = useRef(false);

  /** Signed in to the user pool: a session that then cannot be read leaves a way out. */
  const enterAfterSignIn = useCallback(
    async (knownTotp?: boolean) => {
      try {
        await enterSession(false, knownTotp, setUpTotp.current);
      } catch (error) {
        setState({ status: 'failed', problem: authProblem(error) });
      }
    },
    [enterSession],
  );

  const afterStep = useCallback(
    async (first: SignInOutput, email: string): Promise<void> => {
      // A pool offering more than one factor asks which: the console's is the app.
      const output = offersTotp(first) ? await confirmSignIn({ challengeResponse: 'TOTP' }) : first;
      const { nextStep } = output;
      switch (nextStep.signInStep) {
        case 'DONE':
          return enterAfterSignIn(usedTotp.current);
        case 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED':
          setState({ status: 'newPasswordRequired', email });
          return;
        case 'CONFIRM_SIGN_IN_WITH_TOTP_CODE':
          setState({ status: 'totpCodeRequired', email });
          return;
        case 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP': {
          const details = nextStep.totpSetupDetails;
          setUpTotp.current = true;
          setState({
            status: 'totpSetupRequired',
            email,
            setup: {
              secret: details.sharedSecret,
              uri: details.getSetupUri(TOTP_ISSUER, email).toString(),
            },
          });
          return;
        }
      }
      throw new Problem('authErrors.unsupportedStep', { step: nextStep.signInStep });
    },
    [enterAfterSignIn],
  );

  const signInWithPassword = useCallback(
    async (email: string, password: string) => {
      loginId.current = email;
      usedTotp.current = false;
      setUpTotp.current = false;
      let output: SignInOutput;
      try {
        output = await signIn({ username: email, password });
      } catch (error) {
        // Amplify still holds a session (another tab signed in): use it.
        if (error instanceof Error && error.name === 'UserAlreadyAuthenticatedException') {
          // Whoever that is starts with the fewest rights here too.
          roleChoices.set(undefined);
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

  const confirmTotpCode = useCallback(
    async (code: string) => {
      try {
        const output = await confirmSignIn({ challengeResponse: code });
        usedTotp.current = true;
        await afterStep(output, loginId.current ?? '');
      } catch (error) {
        throw authProblem(error, 'totp');
      }
    },
    [afterStep],
  );

  const restartSignIn = useCallback(() => setState({ status: 'signedOut' }), []);

  const noteTotp = useCallback(
    (enabled: boolean) =>
      setState((now) => {
        if (now.status !== 'signedIn') return now;
        const adminNeedsTotp = !enabled && now.mustUseTotp;
        // The same generation: the credentials and what was read with them still hold.
        return adminNeedsTotp === now.adminNeedsTotp ? now : { ...now, adminNeedsTotp };
      }),
    [],
  );

  /**
   * Acts as another of the token's roles. A less privileged one takes effect at once; a more
   * privileged one needs a fresh sign-in with the authenticator app's code first, so this signs
   * out on this device (revoking the refresh token) and the sign-in that follows switches.
   */
  const switchRole = useCallback(
    async (roleArn: string) => {
      if (state.status !== 'signedIn') return;
      const { details } = state;
      if (!details.roles.some((role) => role.arn === roleArn)) {
        throw new Problem('authErrors.roleNotYours', { role: roleArn });
      }
      if (!isElevation(details.role, roleArn)) {
        const least = leastPrivilegedRole(details.roles.map((role) => role.arn));
        // Down from a switch: to a role between, for what is left of it; else to the least.
        const current = roleChoices.current(details.sub, Date.now());
        roleChoices.set(
          roleArn === least || !current || !details.sub
            ? undefined
            : { roleArn, sub: details.sub, until: current.until },
        );
        try {
          await enterSession(false);
        } catch (error) {
          throw authProblem(error);
        }
        return;
      }
      pendingSwitches.put({ roleArn, email: details.email, requestedAt: Date.now() });
      roleChoices.set(undefined);
      let revocationFailed: Problem | undefined;
      try {
        await signOut();
      } catch (error) {
        revocationFailed = authProblem(error);
      }
      setState({
        status: 'signedOut',
        notice: 'signInToSwitchRole',
        email: details.email,
        switchingTo: roleArn,
        revocationFailed,
      });
    },
    [state, enterSession],
  );

  const signOutOfConsole = useCallback(async () => {
    roleChoices.set(undefined);
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
      confirmTotpCode,
      restartSignIn,
      noteTotp,
      signOut: signOutOfConsole,
      endSessionsWithoutTotp,
      refreshAccess,
      switchRole,
      credentials,
      idToken,
    }),
    [
      state,
      signInWithPassword,
      confirmNewPassword,
      confirmTotpCode,
      restartSignIn,
      noteTotp,
      signOutOfConsole,
      endSessionsWithoutTotp,
      refreshAccess,
      switchRole,
    ],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
