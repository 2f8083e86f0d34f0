import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RefreshAccessButton } from './RefreshAccessButton';
import { useSignedInSession } from './session-context';
import { SessionDetailsList } from './SessionDetailsList';

/** What this browser is signed in as, "refresh my access", and a way to change the password. */
export function AccountPage() {
  const { t } = useTranslation();
  const { details } = useSignedInSession();
  return (
    <section className="panel" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('session.heading')}</h2>
      <p>{t('session.intro')}</p>
      <SessionDetailsList details={details} />
      <RefreshAccessButton />
      <p>
        <Link to="/account/password">{t('session.changePassword')}</Link>
      </p>
    </section>
  );
}
