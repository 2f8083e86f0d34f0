import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { MAIN_CONTENT_ID } from '../ui/ConsoleFrame';
import { PlainErrorNotice } from './PlainNotice';
import type { SecurityLocationState } from './security-path';
import { useSession } from './session-context';
import type { SignInLocationState } from './SignInPage';

/** Its routes need a session: otherwise sign in first, then come back here. */
export function RequireSession() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'restoring':
      return (
        <main id={MAIN_CONTENT_ID} className="signed-out">
          <p role="status">{t('signIn.restoring')}</p>
        </main>
      );
    case 'signedIn':
      return <Outlet />;
    case 'failed':
      return (
        <main id={MAIN_CONTENT_ID} className="signed-out">
          <section className="plain-card" aria-labelledby="session-problem-heading">
            <h1 id="session-problem-heading">{t('session.heading')}</h1>
            <PlainErrorNotice error={state.problem} />
            <div className="plain-actions">
              <button type="button" className="plain-primary" onClick={() => void signOut()}>
                {t('signOut.submit')}
              </button>
            </div>
          </section>
        </main>
      );
    default: {
      // A screen someone was sent to on the way somewhere (an administrator's authenticator
      // app, which signs them out once on) passes on where they were going.
      const { from } = (location.state ?? {}) as SecurityLocationState;
      const next: SignInLocationState = { from: from ?? location.pathname + location.search };
      return <Navigate to="/sign-in" state={next} replace />;
    }
  }
}
