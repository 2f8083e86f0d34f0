import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { ADMIN_SCREENS } from '../app/admin-screens';
import { useSession } from '../auth/session-context';
import { GROUPS } from '@contract/groups';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { OfflineNotice } from './OfflineNotice';

/** The product's name where no translation is loaded yet (the config error screen). */
export const PRODUCT_NAME = 'Cognito IAM console';

/** The frame of every screen: title, the navigation this person may use, language, sign out. */
export function AppLayout() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const signedIn = state.status === 'signedIn' ? state : undefined;
  const isAdmin = signedIn?.details.groups.includes(GROUPS.admin.name) ?? false;

  return (
    <>
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        {signedIn && (
          <nav aria-label={t('app.nav.label')}>
            <ul>
              <li>
                <NavLink to="/" end>
                  {t('app.nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/profile">{t('app.nav.profile')}</NavLink>
              </li>
              <li>
                <NavLink to="/access">{t('app.nav.access')}</NavLink>
              </li>
              {isAdmin &&
                Object.entries(ADMIN_SCREENS).map(([key, path]) => (
                  <li key={path}>
                    <NavLink to={path}>{t(`app.nav.${key as keyof typeof ADMIN_SCREENS}`)}</NavLink>
                  </li>
                ))}
            </ul>
          </nav>
        )}
        <div className="app-header-tools">
          <LanguageSwitcher />
          {signedIn && (
            <>
              <span className="signed-in-as">
                {t('app.signedInAs', { email: signedIn.details.email })}
              </span>
              <button type="button" className="secondary" onClick={() => void signOut()}>
                {t('signOut.submit')}
              </button>
            </>
          )}
        </div>
      </header>
      <main className="app-main">
        <OfflineNotice />
        <Outlet />
      </main>
    </>
  );
}
