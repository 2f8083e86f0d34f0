import { useTranslation } from 'react-i18next';

/** Next to an address its owner has not verified: it names no one yet. */
export function UnverifiedMark() {
  const { t } = useTranslation();
  return <span className="badge badge-warning">{t('users.unverified')}</span>;
}
