import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice';
import { StatusNotice } from '../ui/StatusNotice';
import { useAction } from '../ui/useAction';
import { useSession } from './session-context';

/**
 * "Refresh my access": new tokens and credentials, so a group change made by an
 * administrator applies without signing out.
 */
export function RefreshAccessButton() {
  const { t } = useTranslation();
  const { refreshAccess } = useSession();
  const refresh = useAction(refreshAccess);
  return (
    <div className="refresh-access">
      <p className="hint">{t('session.refreshHelp')}</p>
      <button type="button" onClick={() => void refresh.run()} disabled={refresh.busy}>
        {t('session.refresh')}
      </button>
      <ErrorNotice error={refresh.error} />
      {refresh.done && <StatusNotice>{t('session.refreshed')}</StatusNotice>}
    </div>
  );
}
