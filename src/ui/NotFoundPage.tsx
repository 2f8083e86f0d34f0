import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useScreen } from './screen';

/** An address the console has no screen for, with the way back Home. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const title = t('app.notFoundHeading');
  useScreen(title);
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{title}</Header>
      <Container>
        <SpaceBetween size="s">
          <Box variant="p">{t('app.notFound')}</Box>
          <Link
            href="/"
            onFollow={(event) => {
              event.preventDefault();
              void navigate('/');
            }}
          >
            {t('app.goHome')}
          </Link>
        </SpaceBetween>
      </Container>
    </SpaceBetween>
  );
}
