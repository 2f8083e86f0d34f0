import { createContext, useContext } from 'react';
import type { CredentialsSource } from '../api/credentials-cache';
import type { IdTokenSource } from '../api/id-token-fetch';
import type { Problem } from '../i18n/problem';
import type { SessionDetails } from './summarize-session';

export type SessionState =
  | { status: 'restoring' }
  | {
      status: 'signedOut';
      /**
       * Why the person is here, if they did not just open the console: they signed out, or
       * an administrator's new authenticator app ended every session (`endSessionsWithoutTotp`).
       */
      notice?: 'signedOut' | 'totpTurnedOn' | 'signInToSwitchRole';
      /** The role a fresh sign-in switches to (`signInToSwitchRole`). */
      switchingTo?: string;
      /** Who to sign in again as, when the console signed them out. */
      email?: string;
      problem?: Problem;
      /** Signed out here, but Cognito could not be told to revoke the refresh token. */
      revocationFailed?: Problem;
    }
  /** Cognito's NEW_PASSWORD_REQUIRED: an invited user's first sign-in. */
  | { status: 'newPasswordRequired'; email: string }
  /** Cognito's SOFTWARE_TOKEN_MFA: the six-digit code from the person's authenticator app. */
  | { status: 'totpCodeRequired'; email: string }
  /** Cognito's MFA_SETUP: the pool requires an authenticator app and the person has none. */
  | { status: 'totpSetupRequired'; email: string; setup: TotpSetup }
  | {
      status: 'signedIn';
      details: SessionDetails;
      /**
       * Increases with each sign-in and "refresh my access": whatever was fetched with an
       * earlier generation's credentials or groups is stale.
       */
      generation: number;
      /** In a group whose role calls the admin API: an authenticator app is required. */
      mustUseTotp: boolean;
      /**
       * Someone who must use an authenticator app and has none: the admin API refuses them
       * (`MfaRequired`) until they set one up, so the console sends them to do that first.
       */
      adminNeedsTotp: boolean;
      /** A switch to a more privileged role ran out, and the console is back to the least. */
      notice?: 'roleEnded';
    }
  /** Signed in to the user pool, but the tokens or credentials could not be read. */
  | { status: 'failed'; problem: Problem };

/** What an authenticator app needs to be set up: the secret, also as an `otpauth://` URI. */
export interface TotpSetup {
  secret: string;
  uri: string;
}

export interface Session {
  state: SessionState;
  /** Resolves once signed in or at the new-password step; rejects with a `Problem`. */
  signIn(email: string, password: string): Promise<void>;
  confirmNewPassword(newPassword: string): Promise<void>;
  /** Answers the code step or the setup step with a code; rejects with a `Problem`. */
  confirmTotpCode(code: string): Promise<void>;
  /** Leaves a sign-in halfway (at a code or setup step) for the sign-in form. */
  restartSignIn(): void;
  /**
   * What the console learnt of the person's authenticator app after sign-in: set up or
   * turned off on the Security screen, or refused for lack of it by the admin API.
   */
  noteTotp(enabled: boolean): void;
  /** Signs out and revokes the refresh token; always ends signed out on this device. */
  signOut(): Promise<void>;
  /**
   * Once an administrator's authenticator app is on: signs out everywhere (revoking every
   * refresh token of theirs, this one too), since the admin API checks the app is on now, not
   * how a session signed in, so one opened with a (maybe phished) password alone would keep
   * admin rights. Ends signed out here, asked to sign in again with the app's code.
   */
  endSessionsWithoutTotp(): Promise<void>;
  /** New tokens and credentials (`forceRefresh`), so a group change applies now. */
  refreshAccess(): Promise<void>;
  /**
   * Acts as another of the token's roles (`cognito:roles`): at once when it is less
   * privileged; after a fresh sign-in with the authenticator app's code when it is more.
   * Rejects with a `Problem`.
   */
  switchRole(roleArn: string): Promise<void>;
  /** The identity pool's credentials, for the signing fetch. */
  credentials: CredentialsSource;
  /** The user pool's ID token, for the general API. */
  idToken: IdTokenSource;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in user, their groups, identity and credentials, and the session's actions. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

/** The session's details when signed in; throws otherwise (for screens behind the guard). */
export function useSignedInSession(): Extract<SessionState, { status: 'signedIn' }> {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('This screen needs a signed-in session');
  return state;
}
