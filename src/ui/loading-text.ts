import type { UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';

/** What a pending read says: waiting for the connection, or loading (`loading` if given). */
export function loadingText(
  query: Pick<UseQueryResult, 'fetchStatus'>,
  t: TFunction,
  loading?: string,
): string {
  return query.fetchStatus === 'paused'
    ? t('app.waitingForNetwork')
    : (loading ?? t('app.loading'));
}
