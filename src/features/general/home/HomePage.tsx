import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routeQuery } from '../../../api/route-queries';
import { QueryStatus } from '../../../ui/QueryStatus';
import { useScreen } from '../../../ui/screen';
import { AnnouncementItem } from '../../shared/AnnouncementItem';

/** Home: the announcements, newest first, read with the ID token through the SPA's origin. */
export default function HomePage() {
  const { t } = useTranslation();
  const title = t('home.heading');
  useScreen(title);
  const announcements = useQuery(routeQuery('listAnnouncements'));
  const count = announcements.data?.announcements.length;
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{title}</Header>
      <SpaceBetween size="m">
        <Header variant="h2" counter={count === undefined ? undefined : `(${count})`}>
          {t('home.announcements')}
        </Header>
        <QueryStatus query={announcements} loading={t('home.loading')}>
          {({ announcements: items }) =>
            items.length === 0 ? (
              <Container>
                <Box textAlign="center" color="text-body-secondary">
                  <Box variant="strong" color="inherit">
                    {t('home.empty')}
                  </Box>
                  <Box variant="p" color="inherit">
                    {t('home.emptyDetail')}
                  </Box>
                </Box>
              </Container>
            ) : (
              <SpaceBetween size="m">
                {items.map((item) => (
                  <AnnouncementItem key={item.id} announcement={item} />
                ))}
              </SpaceBetween>
            )
          }
        </QueryStatus>
      </SpaceBetween>
    </SpaceBetween>
  );
}
