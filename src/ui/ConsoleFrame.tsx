import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { OfflineNotice } from './OfflineNotice';

/** The product's name where no translation is loaded yet (the config error screen). */
export const PRODUCT_NAME = 'Cognito IAM console';

/** The id of the element that holds each screen; the skip link and focus go there. */
export const MAIN_CONTENT_ID = 'main-content';

/** The frame of every screen: a skip link, then the screen's own frame. */
export function ConsoleFrame() {
  const { t } = useTranslation();
  // The link moves focus itself: a fragment in the address would read as a navigation.
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  };
  return (
    <>
      <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skip}>
        {t('app.skipToContent')}
      </a>
      <Outlet />
    </>
  );
}

/**
 * The frame of the screens before sign-in: a bar like the console's top navigation, drawn
 * with a few lines of CSS rather than Cloudscape's `TopNavigation` (which would double the
 * sign-in screen's download), and one centred column.
 */
export function SignedOutFrame() {
  const { t } = useTranslation();
  return (
    <>
      <header className="signed-out-bar">
        <span className="signed-out-title">{t('app.title')}</span>
        <LanguageSwitcher />
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="signed-out">
        <OfflineNotice />
        <Outlet />
      </main>
    </>
  );
}
