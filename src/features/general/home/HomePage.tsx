import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { routeQuery } from '../../../api/route-queries';
import { QueryStatus } from '../../../ui/QueryStatus';
import { AnnouncementItem } from '../../shared/AnnouncementItem';

/** Home: the announcements, newest first, read with the ID token through the SPA's origin. */
export default function HomePage() {
  const { t } = useTranslation();
  const announcements = useQuery(routeQuery('listAnnouncements'));
  return (
    <section className="panel" aria-labelledby="home-heading">
      <h2 id="home-heading">{t('home.heading')}</h2>
      <h3>{t('home.announcements')}</h3>
      <QueryStatus query={announcements}>
        {({ announcements: items }) =>
          items.length === 0 ? (
            <p>{t('home.empty')}</p>
          ) : (
            <ul className="announcements">
              {items.map((item) => (
                <AnnouncementItem key={item.id} announcement={item} />
              ))}
            </ul>
          )
        }
      </QueryStatus>
    </section>
  );
}
