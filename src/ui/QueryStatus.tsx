import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice';

/** A query's loading and error states, or its data rendered by `children`. */
export function QueryStatus<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children(data: T): ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <p role="status">{t('app.loading')}</p>;
  if (query.isError) return <ErrorNotice error={query.error} />;
  return <>{children(query.data)}</>;
}
