import { useTranslation } from 'react-i18next';

/** Shown while a screen's code or data loads; announced politely. */
export function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('app.loading')}</p>;
}
