import Badge from '@cloudscape-design/components/badge';
import { useTranslation } from 'react-i18next';

/** Next to an address its owner has not verified: it names no one yet. */
export function UnverifiedMark() {
  const { t } = useTranslation();
  return <Badge color="severity-medium">{t('users.unverified')}</Badge>;
}
