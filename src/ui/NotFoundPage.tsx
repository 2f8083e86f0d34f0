import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <p>{t('app.notFound')}</p>
      <Link to="/">{t('app.goHome')}</Link>
    </section>
  );
}
