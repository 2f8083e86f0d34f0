import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/**
 * In place of the rows: why the list could not be read, and "Try again". The filters stay
 * above it, so a filter that fails can be changed too.
 */
export function UsersLoadError({
  error,
  retrying,
  onRetry,
}: {
  error: unknown;
  retrying: boolean;
  onRetry(): void;
}) {
  const { t } = useTranslation();
  return (
    <SpaceBetween size="s">
      <ErrorNotice error={error} />
      <Button loading={retrying} onClick={onRetry}>
        {t('app.tryAgain')}
      </Button>
    </SpaceBetween>
  );
}
