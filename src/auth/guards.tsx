import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { GroupName } from '../contract/groups';
import { ErrorNotice } from '../ui/ErrorNotice';
import { RefreshAccessButton } from './RefreshAccessButton';
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

/**
 * Its routes are for members of `group`. Anyone else is told so here, with "refresh my
 * access" for when they have just been added, instead of meeting a 403 later.
 */
export function RequireGroup({ group }: { group: GroupName }) {
  const { t } = useTranslation();
  const { state } = useSession();
  if (state.status === 'signedIn' && state.details.groups.includes(group)) return <Outlet />;
  return (
    <section className="panel" aria-labelledby="need-group-heading">
      <h2 id="need-group-heading">{t('guard.needGroupHeading', { group })}</h2>
      <p>{t('guard.needGroup', { group })}</p>
      <RefreshAccessButton />
    </section>
  );
}
