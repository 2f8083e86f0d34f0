import { ErrorNotice } from '../ui/ErrorNotice';
import { NewPasswordForm } from './NewPasswordForm';
import { SessionSummary } from './SessionSummary';
import { SignInForm } from './SignInForm';
import { useAuthSession } from './useAuthSession';

/** Sign-in, the new-password challenge, or the signed-in session, whichever applies. */
export function AuthPanel() {
  const { state, busy, signIn, setNewPassword, signOut } = useAuthSession();

  switch (state.status) {
    case 'restoring':
      return <p role="status">Checking for an existing session…</p>;
    case 'signedOut':
      return (
        <SignInForm
          busy={busy}
          error={state.error}
          onSignIn={(email, password) => void signIn(email, password)}
        />
      );
    case 'newPasswordRequired':
      return (
        <NewPasswordForm
          busy={busy}
          error={state.error}
          onSetNewPassword={(password) => void setNewPassword(password)}
        />
      );
    case 'signedIn':
      return (
        <SessionSummary details={state.details} busy={busy} onSignOut={() => void signOut()} />
      );
    case 'sessionFailed':
      return (
        <section className="panel" aria-labelledby="session-problem-heading">
          <h2 id="session-problem-heading">Session problem</h2>
          <ErrorNotice message={state.error} />
          <button type="button" onClick={() => void signOut()} disabled={busy}>
            Sign out
          </button>
        </section>
      );
  }
}
