import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useSession } from './session-context';
import type { SignInLocationState } from './SignInPage';

/** Its routes need a session: otherwise sign in first, then come back here. */
export function RequireSession() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const location = useLocation();
  switch (state.status) {
    case 'restoring':
      return <p role="status">{t('signIn.restoring')}</p>;
    case 'signedIn':
      return <Outlet />;
    case 'failed':
      return (
        <section className="panel" aria-labelledby="session-problem-heading">
          <h2 id="session-problem-heading">{t('session.heading')}</h2>
          <ErrorNotice error={state.problem} />
          <button type="button" onClick={() => void signOut()}>
            {t('signOut.submit')}
          </button>
        </section>
      );
    default: {
      const next: SignInLocationState = { from: location.pathname + location.search };
      return <Navigate to="/sign-in" state={next} replace />;
    }
  }
}
