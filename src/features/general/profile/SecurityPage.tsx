import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { useSignedInSession } from '../../../auth/session-context';
import { Notice } from '../../../ui/Notice';
import { useScreen } from '../../../ui/screen';
import { AuthenticatorApp } from './AuthenticatorApp';

/**
 * Profile → Security: the person's authenticator app (TOTP). An administrator without one is
 * sent here after sign-in and told why; once it is on they sign in again with its code and
 * are taken on to where they were going.
 */
export default function SecurityPage() {
  const { t } = useTranslation();
  const { adminNeedsTotp } = useSignedInSession();
  const title = t('security.heading');
  useScreen(title, [{ text: t('app.nav.profile'), href: '/profile' }]);
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{title}</Header>
      {adminNeedsTotp && <Notice type="warning">{t('security.adminRequired')}</Notice>}
      <AuthenticatorApp />
    </SpaceBetween>
  );
}
