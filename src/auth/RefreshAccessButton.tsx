import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { useSession } from './session-context';

/**
 * "Refresh my access": new tokens and credentials, so a group change made by an
 * administrator applies without signing out.
 */
export function RefreshAccessButton() {
  const { t } = useTranslation();
  const { refreshAccess } = useSession();
  const refresh = useMutation({ mutationFn: () => refreshAccess() });
  return (
    <div className="refresh-access">
      <p className="hint">{t('session.refreshHelp')}</p>
      <button type="button" onClick={() => refresh.mutate()} disabled={refresh.isPending}>
        {t('session.refresh')}
      </button>
      <ErrorNotice error={refresh.error} />
      {refresh.isSuccess && <Notice>{t('session.refreshed')}</Notice>}
    </div>
  );
}
