import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useTranslation } from 'react-i18next';
import { useScreen } from '../../../ui/screen';
import { AnnouncementForm } from './AnnouncementForm';
import { AnnouncementsTable } from './AnnouncementsTable';

/** Write, list and delete announcements (signed admin calls); results go to the flashbar. */
export default function AnnouncementsAdminPage() {
  const { t } = useTranslation();
  const title = t('admin.announcements.heading');
  useScreen(title);
  return (
    <SpaceBetween size="l">
      <Header variant="h1">{title}</Header>
      <AnnouncementForm />
      <AnnouncementsTable />
    </SpaceBetween>
  );
}
