import { useTranslation } from 'react-i18next';
import { useOnline } from './use-online';

/**
 * Says the browser is offline while it is. Reads wait for the connection (TanStack Query
 * pauses them) and go on by themselves when it is back.
 */
export function OfflineNotice() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <p className="plain-notice plain-notice-error" role="status">
      {t('app.offline')}
    </p>
  );
}
