import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from './ErrorNotice';
import { loadingText } from './loading-text';

/**
 * A query's loading and error states, or its data rendered by `children`. A read that waits
 * for the connection says so; a failed one can be tried again.
 */
export function QueryStatus<T>({
  query,
  loading,
  children,
}: {
  query: UseQueryResult<T>;
  /** What is loading, when "Loading…" says too little. */
  loading?: string;
  children(data: T): ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <div role="status">
        <StatusIndicator type={query.fetchStatus === 'paused' ? 'pending' : 'loading'}>
          {loadingText(query, t, loading)}
        </StatusIndicator>
      </div>
    );
  }
  if (query.isError) return <QueryError query={query} />;
  return <>{children(query.data)}</>;
}

/** Why a read failed, and "Try again". */
export function QueryError({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useTranslation();
  return (
    <SpaceBetween size="s">
      <ErrorNotice error={query.error} />
      <Button loading={query.isFetching} onClick={() => void query.refetch()}>
        {t('app.tryAgain')}
      </Button>
    </SpaceBetween>
  );
}
