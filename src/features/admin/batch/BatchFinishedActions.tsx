import Button from '@cloudscape-design/components/button';
import { useTranslation } from 'react-i18next';
import { AppearingButton } from '../../../ui/AppearingButton';

/** What a finished run's dialog offers: its results as a file, and Close. */
export function BatchFinishedActions({
  onDownload,
  onClose,
}: {
  onDownload(): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button iconName="download" onClick={() => void onDownload()}>
        {t('batch.downloadResults')}
      </Button>
      <AppearingButton variant="primary" onClick={onClose}>
        {t('app.close')}
      </AppearingButton>
    </>
  );
}
